namespace Sensu.Backend.Cluster;

/// <summary>The leader of a cluster of one: always leading, no lease, nothing to refresh.</summary>
public sealed class SingleBackendLeader : IClusterLeader
{
    public bool IsClustered => false;

    public bool IsLeaderAt(DateTimeOffset instant) => true;

    public long FencingToken => 0;

    public TimeSpan RefreshInterval => Timeout.InfiniteTimeSpan;
}
