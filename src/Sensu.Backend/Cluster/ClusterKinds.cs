namespace Sensu.Backend.Cluster;

/// <summary>
/// The store kinds the backends of one cluster share (cluster-scoped, never served by the API): who is alive,
/// who holds which lease, which agents each backend holds, and the check requests on their way to other backends.
/// </summary>
public static class ClusterKinds
{
    /// <summary>One <see cref="MemberRecord"/> per backend, rewritten at every heartbeat.</summary>
    public const string Members = "internal/cluster/members";

    /// <summary>One <see cref="LeaseRecord"/> per lease name, changed only by compare-and-set.</summary>
    public const string Leases = "internal/cluster/leases";

    /// <summary>One <see cref="PresenceRecord"/> per backend: the agents connected to it.</summary>
    public const string Presence = "internal/cluster/presence";

    /// <summary>Transient <see cref="DispatchRecord"/>s: a check request for the other backends' agents.</summary>
    public const string Dispatch = "internal/cluster/dispatch";
}
