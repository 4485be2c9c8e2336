using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Backend.Cluster;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Execution.Assets;

namespace Sensu.Backend.Pipeline.Assets;

/// <summary>
/// Runtime assets of filters, mutators and handlers (core-spec §6.5), installed on the backend into its cache dir.
/// Asset definitions come from the watcher-fed cache; builds are selected against the backend's own entity
/// (<see cref="IAssetBuildTarget"/>), as Sensu does, since the commands run on the backend.
/// Any failure (asset missing, no installer, download, sha512, archive) is a <see cref="PipelineStageException"/>
/// naming the resource, the asset and the cause.
/// </summary>
public sealed class PipelineAssets(
    ResourceCache<Asset> assets, IAssetBuildTarget target, ILogger<PipelineAssets> logger, IRuntimeAssetInstaller? installer = null)
{
    private JsonNode? _synthesizedTarget;

    /// <summary>The installed assets named by <paramref name="names"/>, in order; assets without a matching build are left out (logged).</summary>
    public async Task<IReadOnlyList<InstalledAsset>> InstallAsync(
        string owner, string @namespace, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            return [];
        if (installer is null)
            throw new PipelineStageException($"{owner}: runtime assets are not available on this backend (no asset installer registered)");
        // The backend's entity does not change while it runs: synthesized once, cloned per install (filters may keep it).
        var entity = _synthesizedTarget ??= Synthesized.Entity(target.Entity);
        var installed = new List<InstalledAsset>(names.Count);
        foreach (var name in names)
        {
            var asset = assets.Get(@namespace, name)
                ?? throw new PipelineStageException($"{owner}: asset {name} does not exist in namespace {@namespace}");
            InstalledAsset? one;
            try
            {
                one = await installer.InstallAsync(asset, entity.DeepClone(), cancellationToken);
            }
            catch (AssetInstallException ex)
            {
                throw new PipelineStageException($"{owner}: cannot install asset {name}: {ex.Message}", ex);
            }
            if (one is null)
            {
                Log.NoMatchingBuild(logger, name, owner);
                continue;
            }
            installed.Add(one);
        }
        return installed;
    }
}
