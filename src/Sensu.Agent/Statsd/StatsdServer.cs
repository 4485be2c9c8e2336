using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Statsd;

/// <summary>
/// StatsD over UDP (core-spec §6.6): aggregates, and every <c>statsd-flush-interval</c> sends a metrics-only event
/// with the agent entity and <c>statsd-event-handlers</c>. A last flush happens on stop.
/// </summary>
internal sealed class StatsdServer(
    AgentOptions options,
    AgentEntityProvider entity,
    EventQueue queue,
    TimeProvider time,
    ILogger<StatsdServer> logger) : BackgroundService
{
    private readonly StatsdAggregator _aggregator = new();
    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> Port => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = IPAddress.TryParse(options.StatsdMetricsHost.Trim('[', ']'), out var ip) ? ip : IPAddress.Loopback;
        using var udp = new UdpClient(new IPEndPoint(address, options.StatsdMetricsPort));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        _bound.TrySetResult(port);
        var interval = TimeSpan.FromSeconds(options.StatsdFlushInterval);
        Log.Listening(logger, $"{address}:{port}", interval);
        var flushing = FlushLoopAsync(interval, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }
            var invalid = _aggregator.Add(Encoding.UTF8.GetString(datagram.Buffer));
            if (invalid > 0)
                Log.InvalidLines(logger, invalid);
        }
        await flushing;
        Flush(interval);
    }

    private async Task FlushLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                Flush(interval);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the caller flushes once more.
        }
    }

    private void Flush(TimeSpan interval)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var points = _aggregator.Flush(now, interval);
        if (points.Count == 0)
            return;
        var ev = new Event
        {
            Entity = entity.Snapshot(),
            Timestamp = now,
            Id = EventIds.New(),
            Metrics = new Core.Resources.Core.Metrics { Handlers = [.. options.StatsdEventHandlers], Points = points },
        };
        ev.SetNamespace(entity.Namespace);
        queue.Publish(ev);
        Log.Flushed(logger, points.Count);
    }
}
