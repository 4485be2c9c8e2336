using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sensu.Backend.Tests.Pipeline.Handlers;

/// <summary>A TCP listener on 127.0.0.1:0 that keeps the whole payload of every connection (one event per connection).</summary>
internal sealed class TcpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TcpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<string> Payloads { get; } = new();

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
                using var reader = new StreamReader(client.GetStream());
                Payloads.Enqueue(await reader.ReadToEndAsync(cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
