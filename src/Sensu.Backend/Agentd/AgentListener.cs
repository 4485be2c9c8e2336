using Microsoft.AspNetCore.Http;
using Sensu.Backend.Listeners;

namespace Sensu.Backend.Agentd;

/// <summary>The agent port's listener (<c>ws://</c> or <c>wss://</c>): it serves only the WebSocket endpoint; the API port never upgrades agents.</summary>
public sealed class AgentListener() : PortListener("ws", "wss"), Sensu.Backend.Cluster.IAgentEndpoint
{
    public bool IsAgentConnection(HttpContext context) => ArrivedHere(context);
}
