using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Cluster;

/// <summary>
/// The entity whose system facts choose a runtime asset's build for filters, mutators and handlers. They run on the
/// backend, so Sensu matches builds against the backend's own entity (its os, platform, arch, libc...), never the
/// event's entity, which may be a proxy without facts or an agent on another architecture.
/// </summary>
public interface IAssetBuildTarget
{
    Entity Entity { get; }
}
