using System.Security.Cryptography.X509Certificates;

namespace Sensu.Transport;

/// <summary>How an agent (or the load tool) opens its WebSocket to a backend (core-spec §6.1, §6.2, §11.3).</summary>
public sealed class AgentConnectOptions
{
    public string AgentName { get; set; } = "";

    public string Namespace { get; set; } = "default";

    /// <summary>User for Basic auth; with <see cref="Password"/>. Not sent when a client certificate is set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public IReadOnlyList<string> Subscriptions { get; set; } = [];

    /// <summary>Client certificate (with private key) for mTLS; when set, no Authorization header is sent.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>CAs trusted for the backend's certificate instead of the system store (<c>trusted-ca-file</c>).</summary>
    public X509Certificate2Collection? TrustedCaCertificates { get; set; }

    public bool InsecureSkipTlsVerify { get; set; }

    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket ping interval (<c>backend-heartbeat-interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pong timeout (<c>backend-heartbeat-timeout</c>); when not above the interval it is raised to interval×10/6 as Sensu does.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(45);

    public int MaxMessageSize { get; set; } = WebSocketTransport.DefaultMaxMessageSize;

    internal TimeSpan EffectiveHeartbeatTimeout =>
        HeartbeatTimeout > HeartbeatInterval ? HeartbeatTimeout : HeartbeatInterval * 10 / 6;
}
