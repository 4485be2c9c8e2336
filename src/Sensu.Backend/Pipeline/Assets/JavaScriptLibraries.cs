using System.Collections.Concurrent;
using Sensu.Execution.Assets;

namespace Sensu.Backend.Pipeline.Assets;

/// <summary>
/// The JavaScript sources of installed assets (every <c>*.js</c> file under the asset's directory, by ordinal path),
/// loaded into a filter's VM before its expressions. An installed asset's directory never changes (it is named by
/// sha512), so its sources are read once.
/// </summary>
public sealed class JavaScriptLibraries
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string[]>>> _byDirectory = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> LoadAsync(IReadOnlyList<InstalledAsset> assets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var sources = new List<string>();
        foreach (var asset in assets)
        {
            var lazy = _byDirectory.GetOrAdd(asset.Path, dir => new Lazy<Task<string[]>>(() => ReadAsync(dir)));
            try
            {
                sources.AddRange(await lazy.Value.WaitAsync(cancellationToken));
            }
            catch (IOException ex)
            {
                _byDirectory.TryRemove(asset.Path, out _);
                throw new PipelineStageException($"cannot read the JavaScript files of asset {asset.Name}: {ex.Message}", ex);
            }
        }
        return sources;
    }

    private static async Task<string[]> ReadAsync(string directory)
    {
        if (!Directory.Exists(directory))
            return [];
        var files = Directory.EnumerateFiles(directory, "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var sources = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
            sources[i] = await File.ReadAllTextAsync(files[i], CancellationToken.None);
        return sources;
    }
}
