using Sensu.Transport;

namespace Sensu.Backend.Agentd;

/// <summary>Agentd's limits, from <see cref="AgentdOptions"/>; tests may tighten them through DI.</summary>
public sealed class AgentdSettings
{
    public AgentdSettings()
    {
    }

    public AgentdSettings(AgentdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WriteTimeout = TimeSpan.FromSeconds(options.WriteTimeout);
        EventRateLimit = options.RateLimit;
        EventBurstLimit = options.BurstLimit;
    }

    /// <summary><c>agent-write-timeout</c>: a message not written within it closes the session.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary><c>agent-rate-limit</c>: events per second per session; 0 = unlimited.</summary>
    public int EventRateLimit { get; set; }

    /// <summary><c>agent-burst-limit</c>: events accepted at once; 0 = the rate.</summary>
    public int EventBurstLimit { get; set; }

    /// <summary>Largest incoming message; a larger one closes the session (Sensu's etcd request limit, 1.5 MiB).</summary>
    public int MaxMessageSize { get; set; } = WebSocketTransport.DefaultMaxMessageSize;

    /// <summary>Messages waiting for one agent; beyond it new check requests for it are dropped and logged.</summary>
    public int SendQueueCapacity { get; set; } = 1000;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Flood policy: refused events in a row (no event accepted in between) after which the session is closed:
    /// the burst, at least 10.
    /// </summary>
    public int RefusalsBeforeClose => Math.Max(10, EventBurstLimit);
}
