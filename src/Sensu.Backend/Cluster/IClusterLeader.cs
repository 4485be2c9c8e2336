namespace Sensu.Backend.Cluster;

/// <summary>
/// Whether this backend leads the cluster: the leader runs the check schedules and raises keepalive alerts, so each
/// happens once per cluster, not once per backend. A backend alone (the default, <see cref="SingleBackendLeader"/>)
/// always leads.
/// </summary>
public interface IClusterLeader
{
    /// <summary>Whether other live backends share the store.</summary>
    bool IsClustered { get; }

    /// <summary>Whether this backend held the leader lease at <paramref name="instant"/>.</summary>
    bool IsLeaderAt(DateTimeOffset instant);

    /// <summary>The fencing token of the leader lease held now (0 when none, or alone).</summary>
    long FencingToken { get; }

    /// <summary>How often followers re-check and a new leader takes over state (infinite when alone).</summary>
    TimeSpan RefreshInterval { get; }
}
