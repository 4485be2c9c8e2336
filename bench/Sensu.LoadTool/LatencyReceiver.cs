using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Sensu.LoadTool;

/// <summary>
/// The other end of the backend's <c>tcp</c> latency handler: each connection carries one event whose check output
/// starts with <see cref="Marker"/> and the sender's <see cref="Stopwatch"/> timestamp; the difference to now is
/// the latency from the agent's send to the handler's delivery.
/// </summary>
public sealed class LatencyReceiver : IAsyncDisposable
{
    public const string Marker = "load-sent:";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Recording { get; set; }

    public void Start()
    {
        _listener.Start(1024);
        _loop = AcceptAsync(_stop.Token);
    }

    /// <summary>The latencies recorded so far (milliseconds), sorted.</summary>
    public double[] Snapshot()
    {
        lock (_gate)
        {
            var copy = _millis.ToArray();
            Array.Sort(copy);
            return copy;
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ReadAsync(client, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ReadAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                using var buffer = new MemoryStream();
                await client.GetStream().CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                var received = Stopwatch.GetTimestamp();
                using var document = JsonDocument.Parse(buffer.ToArray());
                if (!document.RootElement.TryGetProperty("check", out var check) ||
                    !check.TryGetProperty("output", out var output) ||
                    output.GetString() is not { } text ||
                    !text.StartsWith(Marker, StringComparison.Ordinal))
                    return;
                var sent = long.Parse(text.AsSpan(Marker.Length).TrimEnd(), CultureInfo.InvariantCulture);
                if (!Recording)
                    return;
                var millis = Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds;
                lock (_gate)
                    _millis.Add(millis);
            }
            catch (Exception ex) when (ex is IOException or JsonException or FormatException or SocketException)
            {
                // A broken delivery is not a latency sample.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
