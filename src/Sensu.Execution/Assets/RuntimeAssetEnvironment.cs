using System.Text;

namespace Sensu.Execution.Assets;

/// <summary>
/// The environment a command gets from its runtime assets (core-spec §6.5): <c>PATH=&lt;a&gt;/bin:…:$PATH</c>,
/// <c>LD_LIBRARY_PATH=&lt;a&gt;/lib:…</c>, <c>CPATH=&lt;a&gt;/include:…</c> (assets in the given order, before the inherited
/// value) and <c>&lt;NAME&gt;_PATH=&lt;a&gt;</c> per asset.
/// </summary>
public static class RuntimeAssetEnvironment
{
    /// <summary>
    /// The base entries (<c>K=V</c>) with the assets' entries merged in (see <see cref="EnvironmentComposer"/>); with no
    /// assets, the base as given (the runner merges every layer once more, so it is not merged twice here).
    /// </summary>
    public static IReadOnlyList<string> Compose(IEnumerable<string> baseEnvironment, IReadOnlyList<InstalledAsset> assets)
    {
        ArgumentNullException.ThrowIfNull(baseEnvironment);
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
            return baseEnvironment as IReadOnlyList<string> ?? [.. baseEnvironment];
        var sep = EnvironmentComposer.PathListSeparator.ToString();
        var layer = new List<string>
        {
            "PATH=" + string.Join(sep, assets.Select(static a => Path.Combine(a.Path, "bin"))),
            "LD_LIBRARY_PATH=" + string.Join(sep, assets.Select(static a => Path.Combine(a.Path, "lib"))),
            "CPATH=" + string.Join(sep, assets.Select(static a => Path.Combine(a.Path, "include"))),
        };
        layer.AddRange(assets.Select(static a => $"{PathVariable(a.Name)}={a.Path}"));
        return EnvironmentComposer.Merge(baseEnvironment, layer);
    }

    /// <summary><c>&lt;NAME&gt;_PATH</c>: the asset name upper-cased, every run of non-alphanumeric characters turned into one <c>_</c>.</summary>
    public static string PathVariable(string assetName)
    {
        ArgumentNullException.ThrowIfNull(assetName);
        var builder = new StringBuilder(assetName.Length + 5);
        var inRun = false;
        foreach (var c in assetName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
                inRun = false;
            }
            else if (!inRun)
            {
                builder.Append('_');
                inRun = true;
            }
        }
        return builder.Append("_PATH").ToString();
    }
}
