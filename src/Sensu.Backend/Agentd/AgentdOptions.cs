using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Agentd;

/// <summary>
/// The agent listener's settings (<c>--agent-host</c>, <c>--agent-port</c>, <c>--agent-auth-*</c>, the
/// <c>--cert-file</c>/<c>--key-file</c> it falls back on, <c>--agent-write-timeout</c>, <c>--agent-rate-limit</c>,
/// <c>--agent-burst-limit</c>), validated at start.
/// </summary>
public sealed class AgentdOptions
{
    /// <summary><c>--agent-host</c>: <c>[::]</c>, <c>0.0.0.0</c> or empty mean every interface.</summary>
    public string Host { get; set; } = "[::]";

    [Range(0, 65535, ErrorMessage = "agent-port must be between 0 and 65535")]
    public int Port { get; set; } = 8081;

    /// <summary>Agent listener TLS certificate (PEM); without it the agent port uses <see cref="CertFile"/>.</summary>
    public string? AuthCertFile { get; set; }

    public string? AuthKeyFile { get; set; }

    /// <summary>CA bundle (PEM) whose client certificates authenticate agents (mTLS); password auth is then refused.</summary>
    public string? AuthTrustedCaFile { get; set; }

    /// <summary>Accepted for compatibility; revocation lists are not consulted (logged at start).</summary>
    public string? AuthCrlUrls { get; set; }

    /// <summary><c>--cert-file</c>, the agent port's certificate when <see cref="AuthCertFile"/> is not given.</summary>
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>Seconds a message to an agent may take to be written before its session is closed.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "agent-write-timeout must be at least 1 second")]
    public int WriteTimeout { get; set; } = 15;

    /// <summary>Events per second one agent session may send; 0 = unlimited.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "agent-rate-limit must not be negative")]
    public int RateLimit { get; set; }

    /// <summary>Events one agent session may send at once above the rate; 0 = the rate (at least 1).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "agent-burst-limit must not be negative")]
    public int BurstLimit { get; set; }
}
