using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Pipeline;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// The event pipeline daemon (core-spec §5.1): a bounded queue (<see cref="PipelinedOptions.BufferSize"/>; a
/// full queue makes Eventd wait) read by <see cref="PipelinedOptions.Workers"/> workers. Each event is written
/// to the event log (when configured), then goes through the workflows <see cref="PipelineResolver"/> finds (its
/// <c>Pipeline</c> resources, then its legacy handlers), one after the other, each run by <see cref="WorkflowRunner"/>.
/// <para>
/// Error rule (Sensu 5.17's "isolate", chosen over Sensu 6's "abort the rest of the pipeline"): a filter, mutator or
/// handler that fails (missing resource, JavaScript that throws, does not return a boolean or runs past the sandbox's
/// limits, mutator exiting non-zero or timing out, secret or asset that cannot be had, socket that refuses) ends only
/// its own workflow. It is logged once with pipeline, workflow, stage, event and cause; the event's other workflows
/// and the next events run normally. A pipe handler that exits non-zero or is killed at its timeout is logged and
/// measured, as in Sensu, and is not an error of the pipeline.
/// </para>
/// Stopping completes the queue, cancels running work (killing handler processes) and logs what was left.
/// </summary>
public sealed class Pipelined : BackgroundService, IEventPipeline
{
    private readonly Channel<PipelineItem> _queue;
    private readonly int _workers;
    private readonly PipelineResolver _resolver;
    private readonly WorkflowRunner _runner;
    private readonly PipelineMetrics _metrics;
    private readonly EventLogWriter? _eventLog;
    private readonly ILogger<Pipelined> _logger;

    public Pipelined(
        IOptions<PipelinedOptions> options,
        PipelineResolver resolver,
        WorkflowRunner runner,
        PipelineMetrics metrics,
        ILogger<Pipelined> logger,
        EventLogWriter? eventLog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _workers = Math.Max(1, options.Value.Workers);
        _queue = Channel.CreateBounded<PipelineItem>(new BoundedChannelOptions(Math.Max(1, options.Value.BufferSize))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _resolver = resolver;
        _runner = runner;
        _metrics = metrics;
        _eventLog = eventLog is { Enabled: true } ? eventLog : null;
        _logger = logger;
        metrics.ObserveQueueDepth(() => _queue.Reader.CanCount ? _queue.Reader.Count : 0);
    }

    public async ValueTask EnqueueAsync(PipelineItem item, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, ct);
        }
        catch (ChannelClosedException)
        {
            // Pipelined has stopped (it stops before a draining Eventd): the event is stored but not handled.
            Log.Dropped(_logger, 1);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)).ToArray();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _queue.Writer.TryComplete();
        await Task.WhenAll(workers);
        var dropped = 0;
        while (_queue.Reader.TryRead(out _))
            dropped++;
        if (dropped > 0)
            Log.Dropped(_logger, dropped);
    }

    /// <summary>
    /// One worker: takes one event at a time. An idle worker waits with <c>ReadAsync</c>, which hands each new event
    /// to one waiting worker; <c>WaitToReadAsync</c> would wake every idle worker for every event (and each would
    /// queue a new wait), a cost that grows with <see cref="PipelinedOptions.Workers"/>. The wait takes no
    /// token: stopping completes the queue, which ends it.
    /// </summary>
    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!reader.TryRead(out var queued))
                {
                    try
                    {
                        queued = await reader.ReadAsync(CancellationToken.None);
                    }
                    catch (ChannelClosedException)
                    {
                        return;
                    }
                }
                await HandleAsync(queued, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left in the queue is counted by ExecuteAsync.
        }
    }

    /// <summary>Runs one event through every workflow that applies to it; never throws for a failing stage.</summary>
    public async Task HandleAsync(PipelineItem item, CancellationToken cancellationToken)
    {
        var ev = item.Event;
        ArgumentNullException.ThrowIfNull(ev);
        _metrics.EventProcessed(ev.HasCheck ? "check" : "metrics");
        if (_eventLog is not null)
            await _eventLog.WriteAsync(ev, cancellationToken);
        IReadOnlyList<ResolvedWorkflow> workflows;
        try
        {
            workflows = _resolver.Resolve(ev);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EventFailed(_logger, EventKey.Of(ev), ex);
            return;
        }
        foreach (var workflow in workflows)
            await _runner.RunAsync(workflow, item, cancellationToken);
    }
}
