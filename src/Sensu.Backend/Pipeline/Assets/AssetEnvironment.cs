using System.Text;
using Sensu.Execution.Assets;

namespace Sensu.Backend.Pipeline.Assets;

/// <summary>
/// The environment installed assets contribute (core-spec §6.5): <c>PATH</c> (<c>bin</c>), <c>LD_LIBRARY_PATH</c>
/// (<c>lib</c>), <c>CPATH</c> (<c>include</c>), each listing the assets in order, and <c>&lt;NAME&gt;_PATH</c> with the
/// asset's directory (name upper-cased, each run of other characters than letters and digits replaced by <c>_</c>).
/// Merged over the process environment by the caller, so the path lists are prepended.
/// </summary>
public static class AssetEnvironment
{
    public static IReadOnlyList<string> For(IReadOnlyList<InstalledAsset> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
            return [];
        var entries = new List<string>
        {
            "PATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "bin"))),
            "LD_LIBRARY_PATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "lib"))),
            "CPATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "include"))),
        };
        entries.AddRange(assets.Select(a => $"{VariableName(a.Name)}_PATH={a.Path}"));
        return entries;
    }

    /// <summary><c>sensu/http-checks</c> → <c>SENSU_HTTP_CHECKS</c>.</summary>
    public static string VariableName(string assetName)
    {
        ArgumentNullException.ThrowIfNull(assetName);
        var builder = new StringBuilder(assetName.Length);
        var lastUnderscore = false;
        foreach (var c in assetName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
                lastUnderscore = false;
            }
            else if (!lastUnderscore)
            {
                builder.Append('_');
                lastUnderscore = true;
            }
        }
        return builder.ToString();
    }
}
