using System.Text.Json.Nodes;
using Sensu.Core.Resources.Core;

namespace Sensu.Execution.Assets;

/// <summary>
/// Installs runtime assets (core-spec §6.5): selects the build for the entity, downloads (rate limited, once per sha512,
/// safe across processes), verifies SHA-512, extracts tar / tar.gz into <c>&lt;cache-dir&gt;/&lt;sha512&gt;/</c>.
/// Failures are <see cref="AssetInstallException"/> naming asset, URL and reason.
/// </summary>
public interface IRuntimeAssetInstaller
{
    /// <summary>The installed asset, or null when no build (or the asset's own filters) matches <paramref name="entity"/>.</summary>
    Task<InstalledAsset?> InstallAsync(Asset asset, JsonNode? entity, CancellationToken cancellationToken);
}
