using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Pipelined;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// The event daemon: it serves the queues of <see cref="EventQueues"/> (the writer everyone else is given) with one
/// <see cref="EventdWorker"/> per queue; every event of one (namespace, entity, check) goes to the same worker, so
/// results of a check are applied in arrival order. A worker does not wait for one event's commit before taking the
/// next (the store commits them in batches); a writer's call completes once its event is stored, and the event then
/// goes to the pipeline. Stopping refuses new events, drains the queues, then stops (what is left when the host's stop
/// deadline passes fails with <see cref="OperationCanceledException"/>).
/// </summary>
public sealed class Eventd : BackgroundService
{
    private readonly EventQueues _queues;
    private readonly EventProcessor _processor;
    private readonly IEventPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<Eventd> _logger;
    private readonly EventdMetrics _metrics;
    private readonly CancellationTokenSource _abort = new();
    private readonly CheckTtlMonitor _ttl;
    private readonly IEventStore _events;
    private readonly IEventRevisionReader _revisions;

    public Eventd(
        EventQueues queues,
        EventProcessor processor,
        IEventPipeline pipeline,
        IEventStore events,
        IEventRevisionReader revisions,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<Eventd> logger)
    {
        _queues = queues;
        _processor = processor;
        _events = events;
        _revisions = revisions;
        _ttl = new CheckTtlMonitor(time);
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
        _metrics = new EventdMetrics(meterFactory, () => QueueDepth);
    }

    /// <summary>The check TTL switches (core-spec §4.1).</summary>
    public CheckTtlMonitor Ttl => _ttl;

    /// <summary>Events waiting in the queues.</summary>
    public int QueueDepth => _queues.Depth;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Draining(_logger, QueueDepth);
        CloseQueues();
        using var deadline = cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _ttl.Dispose();
        _abort.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(CloseQueues);
        var readers = _queues.Readers;
        var workers = new Task[readers.Count + 1];
        for (var i = 0; i < readers.Count; i++)
        {
            var worker = new EventdWorker(readers[i], _processor, _events, _revisions, _pipeline, _ttl, _metrics, _time, _logger);
            workers[i] = Task.Run(() => worker.RunAsync(_abort.Token), CancellationToken.None);
        }
        workers[^1] = Task.Run(() => RunTtlAsync(stoppingToken), CancellationToken.None);
        await Task.WhenAll(workers);
    }

    private void CloseQueues()
    {
        _queues.Close();
        _ttl.Complete();
    }

    /// <summary>Arms the TTL switches the store implies, then turns each expiry into a synthetic failing result.</summary>
    private async Task RunTtlAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ArmStoredTtlsAsync(stoppingToken);
            await foreach (var (key, generation) in _ttl.ReadExpiredAsync(stoppingToken))
            {
                if (!_ttl.IsCurrent(key, generation))
                    continue;
                try
                {
                    if (await _processor.BuildTtlFailureAsync(key, stoppingToken) is { } failure)
                    {
                        Log.TtlExpired(_logger, key.ToString());
                        await _queues.WriteAsync(failure, stoppingToken);
                    }
                    else
                    {
                        _ttl.Bury(key);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    Log.TtlFailed(_logger, key.ToString(), ex);
                }
            }
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or StoreUnavailableException)
        {
            // Stopping.
        }
    }

    /// <summary>After a restart: every stored check event with a ttl gets what is left of it since its last execution.</summary>
    private async Task ArmStoredTtlsAsync(CancellationToken cancellationToken)
    {
        var page = await _events.ListEventsAsync(null, null, PageRequest.All, cancellationToken);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var stored in page.Items)
        {
            Event? ev;
            try
            {
                ev = System.Text.Json.JsonSerializer.Deserialize(stored.Json, Sensu.Core.Json.SensuJsonContext.Default.Event);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }
            if (ev?.Check is not { Ttl: > 0 } check)
                continue;
            var key = EventProcessor.KeyOf(ev);
            if (!_ttl.IsArmed(key))
                _ttl.Observe(key, check.Ttl, TimeSpan.FromSeconds(check.Executed + check.Ttl - now));
        }
    }
}
