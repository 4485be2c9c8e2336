using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Cluster;

/// <summary>
/// How the backends sharing one store find each other: the heartbeat period, after how long without a heartbeat
/// a backend is dead, and how long a lease (the scheduler/keepalive leader) lasts without renewal. The lease should
/// outlive a few heartbeats, since the holder renews it at each.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>This backend's id; empty: the host name and a random suffix, new at every start.</summary>
    public string BackendId { get; set; } = string.Empty;

    /// <summary>The API URL other backends and operators reach this backend at (<c>--api-url</c>).</summary>
    public string ApiUrl { get; set; } = string.Empty;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "the cluster heartbeat interval must be between 10ms and 10 minutes")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.030", "01:00:00", ErrorMessage = "the cluster member ttl must be between 30ms and an hour")]
    public TimeSpan MemberTtl { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:00.030", "01:00:00", ErrorMessage = "the cluster lease ttl must be between 30ms and an hour")]
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a dispatched check request stays in the store before its writer deletes it.</summary>
    public TimeSpan DispatchRetention { get; set; } = TimeSpan.FromSeconds(30);
}
