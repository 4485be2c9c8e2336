using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sensu.Backend.Dashboard;

/// <summary>
/// The dashboard port's Kestrel listener. Requests are told apart by the local port they arrived on: the dashboard
/// port serves only the dashboard (its own endpoint routing), the API port never serves it.
/// </summary>
public sealed class DashboardListener
{
    private ListenOptions? listen;

    public bool Tls { get; private set; }

    /// <summary>The port bound (the real one when the port was 0); null before the server started.</summary>
    public int? Port => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint.Port : null;

    /// <summary>The URL a browser on this machine reaches the dashboard at; null before start.</summary>
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
            return new Uri((Tls ? "https://" : "http://") + host + ":" + endpoint.Port);
        }
    }

    /// <summary>The address and port actually bound (<c>[::]</c> when every interface); null before start.</summary>
    public IPEndPoint? BoundEndpoint => listen?.IPEndPoint is { Port: > 0 } endpoint ? endpoint : null;

    public void Attach(ListenOptions options, bool tls)
    {
        listen = options;
        Tls = tls;
    }

    public bool IsDashboardConnection(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}
