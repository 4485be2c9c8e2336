using Sensu.Core.Tokens;
using Sensu.Execution.Assets;

namespace Sensu.Agent.Checks;

/// <summary>
/// The environment installed assets contribute (core-spec §6.5): <c>PATH</c>, <c>LD_LIBRARY_PATH</c>, <c>CPATH</c>
/// with each asset's <c>bin</c>, <c>lib</c>, <c>include</c> (first asset first), and <c>&lt;NAME&gt;_PATH</c>.
/// </summary>
internal static class AssetEnvironment
{
    public static List<string> For(IReadOnlyList<InstalledAsset> assets)
    {
        var env = new List<string>();
        if (assets.Count == 0)
            return env;
        env.Add("PATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "bin"))));
        env.Add("LD_LIBRARY_PATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "lib"))));
        env.Add("CPATH=" + string.Join(':', assets.Select(a => Path.Combine(a.Path, "include"))));
        foreach (var asset in assets)
            env.Add(TokenSubstitution.AssetPathVariable(asset.Name) + "=" + asset.Path);
        return env;
    }
}
