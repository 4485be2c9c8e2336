using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// One entity's liveness switch: when the last keepalive was seen, its warning timeout and critical ttl, and the
/// timer that fires when they pass. <see cref="Gate"/> serialises keepalives and expiries of the entity;
/// <see cref="Generation"/> tells a stale expiry (re-armed since) from the current one.
/// </summary>
public sealed class KeepaliveSwitch
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long Generation { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>Unix seconds of the last keepalive.</summary>
    public long LastSeen { get; set; }

    /// <summary>Warning timeout, seconds (the keepalive check's <c>timeout</c>).</summary>
    public long Timeout { get; set; } = KeepaliveEvents.DefaultTimeout;

    /// <summary>Critical timeout, seconds (the keepalive check's <c>ttl</c>); 0 = off.</summary>
    public long Critical { get; set; }

    /// <summary>The keepalive check as last received (interval, timeouts, labels), for the failing events.</summary>
    public Check? LastCheck { get; set; }

    /// <summary>Pipelines of the last keepalive.</summary>
    public List<ResourceReference> Pipelines { get; set; } = [];
}
