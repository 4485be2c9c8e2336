using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Sensu.Transport.Tests;

/// <summary>Two WebSockets joined by a real TCP connection on 127.0.0.1 (no HTTP upgrade).</summary>
internal sealed class LoopbackPair : IAsyncDisposable
{
    private LoopbackPair(WebSocket server, WebSocket client)
    {
        Server = server;
        Client = client;
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<LoopbackPair> CreateAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptTcpClientAsync(cancellationToken).AsTask();
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        var server = await accept;
        return new LoopbackPair(
            WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true }),
            WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false }));
    }

    public ValueTask DisposeAsync()
    {
        Server.Dispose();
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
