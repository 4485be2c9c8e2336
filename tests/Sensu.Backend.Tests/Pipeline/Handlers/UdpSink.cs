using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sensu.Backend.Tests.Pipeline.Handlers;

/// <summary>A UDP socket on 127.0.0.1:0 keeping every datagram as text.</summary>
internal sealed class UdpSink : IAsyncDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpSink()
    {
        Port = ((IPEndPoint)_client.Client.LocalEndPoint!).Port;
        _loop = ReceiveAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<string> Payloads { get; } = new();

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var datagram = await _client.ReceiveAsync(cancellationToken);
                Payloads.Enqueue(Encoding.UTF8.GetString(datagram.Buffer));
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
        await _loop;
        _client.Dispose();
        _stop.Dispose();
    }
}
