namespace Sensu.Backend.Cluster;

/// <summary>
/// A daemon that shares state with the other backends at each heartbeat of <see cref="ClusterMembership"/> (Agentd
/// publishes which agents it holds), and withdraws it when this backend leaves cleanly.
/// </summary>
public interface IClusterParticipant
{
    /// <summary>Called after each heartbeat with the ids of the other live backends (empty when alone).</summary>
    Task HeartbeatAsync(IReadOnlySet<string> liveOthers, CancellationToken cancellationToken);

    Task LeaveAsync(CancellationToken cancellationToken);
}
