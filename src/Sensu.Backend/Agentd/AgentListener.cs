using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sensu.Backend.Agentd;

/// <summary>
/// The agent port's Kestrel listener. Requests are told apart from API ones by the local port they arrived on:
/// the agent port serves only the WebSocket endpoint, the API port never upgrades agents.
/// </summary>
public sealed class AgentListener : Sensu.Backend.Cluster.IAgentEndpoint
{
    private ListenOptions? listen;

    /// <summary>True when the agent port speaks TLS (wss://).</summary>
    public bool Tls { get; private set; }

    /// <summary>The port bound (the real one when <c>agent-port</c> was 0); null before the server started.</summary>
    public int? Port => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint.Port : null;

    /// <summary><c>ws://</c> or <c>wss://</c> URL agents on this machine reach the listener at; null before start.</summary>
    public Uri? Url
    {
        get
        {
            if (listen?.IPEndPoint is not { Port: > 0 } endpoint)
                return null;
            var address = endpoint.Address;
            var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address)
                ? "127.0.0.1"
                : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
            return new Uri((Tls ? "wss://" : "ws://") + host + ":" + endpoint.Port);
        }
    }

    /// <summary>The address and port actually bound (<c>[::]</c> when every interface); null before start.</summary>
    public IPEndPoint? BoundEndpoint => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint : null;

    public void Attach(ListenOptions options, bool tls)
    {
        listen = options;
        Tls = tls;
    }

    public bool IsAgentConnection(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}
