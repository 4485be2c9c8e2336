namespace Sensu.Backend.Agentd;

/// <summary>Who an accepted agent connection is: from its handshake headers and credentials.</summary>
public sealed record AgentIdentity(
    string AgentName,
    string Namespace,
    IReadOnlyList<string> Subscriptions,
    string User,
    bool CertificateAuthenticated);
