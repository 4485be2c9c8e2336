using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// The far end of a <c>tcp</c> handler: a listener on 127.0.0.1:0 that accepts every connection, reads it to the
/// end and counts it as one delivery. <see cref="WaitForAsync"/> waits until the total reaches a number.
/// </summary>
public sealed class DeliveryCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly object _gate = new();
    private long _delivered;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryCounter()
    {
        _listener.Start(backlog: 4096);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(() => AcceptAsync(_stop.Token));
    }

    public int Port { get; }

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Completes when <see cref="Delivered"/> reaches <paramref name="total"/>; throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(long total, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task reached;
        lock (_gate)
        {
            if (_delivered >= total)
                return;
            _target = total;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            reached = _reached.Task;
        }
        try
        {
            await reached.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{Delivered} of {total} deliveries after {timeout}", ex);
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken);
                connections.Add(ReadAsync(client, cancellationToken));
                connections.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        await Task.WhenAll(connections);
    }

    private async Task ReadAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            // Pooled: the receiver's own allocations would otherwise count against the pipeline it measures.
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            var stream = client.GetStream();
            try
            {
                while (await stream.ReadAsync(buffer, cancellationToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                return;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        lock (_gate)
        {
            _delivered++;
            if (_delivered >= _target)
                _reached.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }
}
