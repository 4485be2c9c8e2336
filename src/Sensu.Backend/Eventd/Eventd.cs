using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Apid;
using Sensu.Backend.Pipelined;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// The event daemon: events from the API (and later agents) wait in bounded queues (<c>eventd-buffer-size</c>)
/// served by <c>eventd-workers</c> workers; every event of one (namespace, entity, check) goes to the same
/// <see cref="EventdWorker"/>, so results of a check are applied in arrival order. A worker does not wait for one
/// event's commit before taking the next (the store commits them in batches); a writer's call completes once its
/// event is stored, and the event then goes to the pipeline. Stopping refuses new events, drains the queues, then stops
/// (what is left when the host's stop deadline passes fails with <see cref="OperationCanceledException"/>).
/// </summary>
public sealed class Eventd : BackgroundService, IEventWriter
{
    private readonly Channel<EventdWorkItem>[] _queues;
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
        IOptions<EventdOptions> options,
        EventProcessor processor,
        IEventPipeline pipeline,
        IEventStore events,
        IEventRevisionReader revisions,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<Eventd> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _processor = processor;
        _events = events;
        _revisions = revisions;
        _ttl = new CheckTtlMonitor(time);
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
        var workers = Math.Max(1, options.Value.Workers);
        var capacity = Math.Max(1, (options.Value.BufferSize + workers - 1) / workers);
        _queues = new Channel<EventdWorkItem>[workers];
        for (var i = 0; i < workers; i++)
        {
            _queues[i] = Channel.CreateBounded<EventdWorkItem>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
        _metrics = new EventdMetrics(meterFactory, () => QueueDepth);
    }

    /// <summary>The check TTL switches (core-spec §4.1).</summary>
    public CheckTtlMonitor Ttl => _ttl;

    /// <summary>Events waiting in the queues.</summary>
    public int QueueDepth => _queues.Sum(q => q.Reader.Count);

    /// <summary>Queues the event and returns once it is stored (the pipeline runs after).</summary>
    public async Task WriteAsync(Event ev, CancellationToken cancellationToken)
    {
        _processor.Prepare(ev);
        var item = new EventdWorkItem(ev);
        var queue = _queues[Partition(EventProcessor.KeyOf(ev))];
        try
        {
            await queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new StoreUnavailableException("the event processor (eventd) is stopping", ex);
        }
        await item.Stored.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Draining(_logger, QueueDepth);
        CloseQueues();
        using var deadline = cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
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
        var workers = new Task[_queues.Length + 1];
        for (var i = 0; i < _queues.Length; i++)
        {
            var worker = new EventdWorker(_queues[i].Reader, _processor, _events, _revisions, _pipeline, _ttl, _metrics, _time, _logger);
            workers[i] = Task.Run(() => worker.RunAsync(_abort.Token), CancellationToken.None);
        }
        workers[^1] = Task.Run(() => RunTtlAsync(stoppingToken), CancellationToken.None);
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private void CloseQueues()
    {
        foreach (var queue in _queues)
            queue.Writer.TryComplete();
        _ttl.Complete();
    }

    /// <summary>Arms the TTL switches the store implies, then turns each expiry into a synthetic failing result.</summary>
    private async Task RunTtlAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ArmStoredTtlsAsync(stoppingToken).ConfigureAwait(false);
            await foreach (var (key, generation) in _ttl.ReadExpiredAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!_ttl.IsCurrent(key, generation))
                    continue;
                try
                {
                    if (await _processor.BuildTtlFailureAsync(key, stoppingToken).ConfigureAwait(false) is { } failure)
                    {
                        Log.TtlExpired(_logger, key.ToString());
                        await WriteAsync(failure, stoppingToken).ConfigureAwait(false);
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
        var page = await _events.ListEventsAsync(null, null, PageRequest.All, cancellationToken).ConfigureAwait(false);
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

    private int Partition(EventKey key) =>
        (int)((uint)HashCode.Combine(key.Namespace, key.Entity, key.Check) % (uint)_queues.Length);
}
