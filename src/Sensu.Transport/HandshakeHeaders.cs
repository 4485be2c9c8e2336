namespace Sensu.Transport;

/// <summary>Headers of the WebSocket upgrade request and response (core-spec §6.1, §6.2).</summary>
public static class HandshakeHeaders
{
    public const string AgentName = "Sensu-AgentName";
    public const string Namespace = "Sensu-Namespace";
    public const string User = "Sensu-User";
    public const string Subscriptions = "Sensu-Subscriptions";
    public const string BackendId = "Backend-ID";
}
