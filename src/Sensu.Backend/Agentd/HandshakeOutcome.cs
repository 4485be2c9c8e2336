namespace Sensu.Backend.Agentd;

/// <summary>The answer to an upgrade request: an identity, or an HTTP status with Sensu's text.</summary>
public sealed record HandshakeOutcome(AgentIdentity? Identity, int Status, string Message)
{
    public static HandshakeOutcome Accept(AgentIdentity identity) => new(identity, 101, string.Empty);

    public static HandshakeOutcome Refuse(int status, string message) => new(null, status, message);
}
