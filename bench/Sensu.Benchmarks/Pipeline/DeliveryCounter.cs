using System.Net;
using System.Net.Sockets;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// The far end of a <c>tcp</c> handler: a listener on 127.0.0.1:0 that accepts every connection, reads it to the
/// end and counts it as one delivery. <see cref="WaitForAsync"/> waits until the total reaches a number.
/// <para>
/// It is not the system under test, but it shares the machine's cores with it, so it does as little as a receiver
/// can: one dedicated thread with blocking sockets (no epoll registration, no thread-pool hops) accepts a
/// connection, reads it to its end and closes it, then takes the next. A tcp handler writes its bytes and closes
/// without waiting for the far end, so reading the connections one after the other never holds a sender back
/// (the backlog holds the connections not yet accepted).
/// </para>
/// </summary>
public sealed class DeliveryCounter : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Thread[] _acceptThreads;
    private readonly object _gate = new();
    private volatile bool _stopping;
    private long _delivered;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryCounter()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(backlog: 4096);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptThreads = Enumerable.Range(0, Receivers)
            .Select(i => new Thread(AcceptAll) { IsBackground = true, Name = $"bench tcp receiver {i}" })
            .ToArray();
        foreach (var thread in _acceptThreads)
            thread.Start();
    }

    public int Port { get; }

    /// <summary>Receiving threads, each blocking in accept on the same listener.</summary>
    public static int Receivers { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("BENCH_RECEIVERS"), out var n) ? n : 1;

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

    private void AcceptAll()
    {
        var buffer = new byte[64 * 1024];
        while (!_stopping)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            using (connection)
            {
                try
                {
                    while (connection.Receive(buffer) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                    continue;
                }
            }
            lock (_gate)
            {
                _delivered++;
                if (_delivered >= _target)
                    _reached.TrySetResult();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        _listener.Close();
        foreach (var thread in _acceptThreads)
            thread.Join();
        return ValueTask.CompletedTask;
    }
}
