using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sensu.Backend.Listeners;

/// <summary>
/// One of the backend's Kestrel listeners on a port of its own (agent WebSocket, dashboard). Requests are told apart
/// by the local port they arrived on, so each port serves only its own endpoints.
/// </summary>
public abstract class PortListener(string scheme, string tlsScheme)
{
    private ListenOptions? listen;

    /// <summary>True when the port speaks TLS.</summary>
    public bool Tls { get; private set; }

    /// <summary>The port bound (the real one when the port was 0); null before the server started.</summary>
    public int? Port => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint.Port : null;

    /// <summary>The URL a client on this machine reaches the listener at; null before start.</summary>
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
            return new Uri((Tls ? tlsScheme : scheme) + "://" + host + ":" + endpoint.Port);
        }
    }

    /// <summary>The address and port actually bound (<c>[::]</c> when every interface); null before start.</summary>
    public IPEndPoint? BoundEndpoint => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint : null;

    public void Attach(ListenOptions options, bool tls)
    {
        listen = options;
        Tls = tls;
    }

    /// <summary>True when the request arrived on this listener's port.</summary>
    protected bool ArrivedHere(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}
