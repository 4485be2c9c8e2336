using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipelined;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// One of Eventd's workers: it owns one queue (every event of a key lands in the same one) and runs two loops.
/// The first computes each event's new state and queues its write without waiting for the commit, so the store's
/// writer commits many events per transaction; <see cref="PreviousChecks"/> gives it the state of writes not yet
/// committed. The second waits for those writes in the order they were queued, then completes the writer's call and
/// hands the event to the pipeline, so the results of one check reach the pipeline in arrival order. At most
/// <see cref="InFlight"/> writes of a worker are pending at once.
/// </summary>
internal sealed class EventdWorker
{
    /// <summary>Most events of one worker between staging and commit.</summary>
    public const int InFlight = 64;

    /// <summary>Most settled check states one worker remembers.</summary>
    public const int RememberedChecks = 2_000;

    private readonly ChannelReader<EventdWorkItem> _queue;
    private readonly Channel<Staged> _staged = Channel.CreateBounded<Staged>(new BoundedChannelOptions(InFlight)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly EventProcessor _processor;
    private readonly PreviousChecks _previous;
    private readonly IEventPipeline _pipeline;
    private readonly CheckTtlMonitor _ttl;
    private readonly EventdMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventdWorker(
        ChannelReader<EventdWorkItem> queue,
        EventProcessor processor,
        IEventStore events,
        IEventRevisionReader revisions,
        IEventPipeline pipeline,
        CheckTtlMonitor ttl,
        EventdMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _queue = queue;
        _processor = processor;
        _previous = new PreviousChecks(events, revisions, RememberedChecks);
        _pipeline = pipeline;
        _ttl = ttl;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs until the queue is completed and drained; <paramref name="abort"/> drops what is left.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        var completing = CompleteAsync(abort);
        try
        {
            await StageAllAsync(abort);
        }
        finally
        {
            _staged.Writer.TryComplete();
        }
        await completing;
    }

    private async Task StageAllAsync(CancellationToken abort)
    {
        var abandoned = 0;
        try
        {
            // The wait takes no token: stopping completes the queue before it can abort, and that ends the wait
            // (a cancellable wait would allocate each time the queue runs dry).
            while (await _queue.WaitToReadAsync(CancellationToken.None))
            {
                while (_queue.TryRead(out var item))
                {
                    if (abort.IsCancellationRequested)
                    {
                        item.Fail(new OperationCanceledException("eventd stopped before processing the event", abort));
                        abandoned = 1;
                        abort.ThrowIfCancellationRequested();
                    }
                    await StageAsync(item, abort);
                }
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            var dropped = abandoned;
            while (_queue.TryRead(out var item))
            {
                item.Fail(new OperationCanceledException("eventd stopped before processing the event", abort));
                dropped++;
            }
            if (dropped > 0)
                Log.DrainAborted(_logger, dropped);
        }
    }

    private async Task StageAsync(EventdWorkItem item, CancellationToken abort)
    {
        var started = _time.GetTimestamp();
        StagedEvent staged;
        try
        {
            staged = item.Unstored
                ? new StagedEvent(item.Event, null)
                : await _processor.StageAsync(item.Event, _previous, abort);
        }
        catch (Exception ex)
        {
            Failed(item, ex, started);
            return;
        }
        try
        {
            await _staged.Writer.WriteAsync(new Staged(item, staged, started), abort);
        }
        catch (OperationCanceledException ex)
        {
            // Stopping past the deadline: the write may still land, but nobody will wait for it.
            item.Fail(ex);
            throw;
        }
    }

    /// <summary>Awaits each staged write in order, then completes its caller and feeds the pipeline.</summary>
    private async Task CompleteAsync(CancellationToken abort)
    {
        await foreach (var staged in _staged.Reader.ReadAllAsync(CancellationToken.None))
        {
            var (item, (published, write, json), started) = staged;
            if (write is not null)
            {
                try
                {
                    await write.WaitAsync(abort);
                }
                catch (Exception ex)
                {
                    Failed(item, ex, started);
                    continue;
                }
            }
            if (item.Unstored)
            {
                await ForwardAsync(item, published, abort);
                continue;
            }
            _metrics.Processed(ok: true, published.HasCheck, _time.GetElapsedTime(started));
            if (published.Check is { } check)
                _ttl.Observe(EventProcessor.KeyOf(published), check.Ttl);
            item.Complete();

            try
            {
                await _pipeline.EnqueueAsync(new PipelineItem(published, json), abort);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                Log.PipelineFailed(_logger, EventProcessor.KeyOf(published).ToString(), ex);
            }
            catch (OperationCanceledException)
            {
                // Stopping past the deadline: the event is stored; its pipeline run is dropped.
            }
        }
    }

    /// <summary>An unstored event: its writer waits until it is in the pipeline (and sees the pipeline's failure).</summary>
    private async Task ForwardAsync(EventdWorkItem item, Event ev, CancellationToken abort)
    {
        try
        {
            await _pipeline.EnqueueAsync(ev, abort);
            item.Complete();
        }
        catch (Exception ex)
        {
            item.Fail(ex);
        }
    }

    private void Failed(EventdWorkItem item, Exception exception, long started)
    {
        if (exception is not OperationCanceledException)
            Log.EventFailed(_logger, EventProcessor.KeyOf(item.Event).ToString(), exception);
        _metrics.Processed(ok: false, item.Event.HasCheck, _time.GetElapsedTime(started));
        item.Fail(exception);
    }

    private readonly record struct Staged(EventdWorkItem Item, StagedEvent Event, long Started);
}
