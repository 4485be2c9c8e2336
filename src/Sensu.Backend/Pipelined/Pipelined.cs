using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Hosting;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// The event pipeline (legacy part, core-spec §5.1): a bounded queue read by
/// <see cref="BackendOptions.PipelinedWorkers"/> workers; each event goes to the handlers named by its check
/// (and metrics), expanded by <see cref="HandlerExpander"/> and run by <see cref="HandlerRunner"/>.
/// Stopping completes the queue, lets workers finish what they hold and logs what was left.
/// </summary>
public sealed class Pipelined : BackgroundService, IEventPipeline
{
    private readonly Channel<Event> _queue;
    private readonly int _workers;
    private readonly HandlerExpander _expander;
    private readonly HandlerRunner _runner;
    private readonly ILogger<Pipelined> _logger;

    public Pipelined(BackendOptions options, HandlerExpander expander, HandlerRunner runner, ILogger<Pipelined> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _workers = Math.Max(1, options.PipelinedWorkers);
        _queue = Channel.CreateBounded<Event>(new BoundedChannelOptions(Math.Max(1, options.PipelinedBufferSize))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _expander = expander;
        _runner = runner;
        _logger = logger;
    }

    public async ValueTask EnqueueAsync(Event ev, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(ev, ct).ConfigureAwait(false);
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
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var dropped = 0;
        while (_queue.Reader.TryRead(out _))
            dropped++;
        if (dropped > 0)
            Log.Dropped(_logger, dropped);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (!stoppingToken.IsCancellationRequested && _queue.Reader.TryRead(out var ev))
                    await HandleAsync(ev, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left in the queue is counted by ExecuteAsync.
        }
    }

    /// <summary>Runs one event through its legacy handlers.</summary>
    public async Task HandleAsync(Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var names = new List<string>();
        if (ev.Check is not null)
            names.AddRange(ev.Check.Handlers);
        if (ev.Metrics is not null)
            names.AddRange(ev.Metrics.Handlers);
        if (names.Count == 0)
            return;
        var @namespace = ev.Metadata.Namespace ?? ev.Entity?.Metadata.Namespace ?? "default";
        IReadOnlyList<Handler> handlers;
        try
        {
            handlers = await _expander.ExpandAsync(@namespace, names, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HandlerFailed(_logger, HandlerRunner.Key(ev), string.Join(',', names), ex);
            return;
        }
        foreach (var handler in handlers)
        {
            try
            {
                await _runner.HandleAsync(ev, handler, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.HandlerFailed(_logger, HandlerRunner.Key(ev), handler.Metadata.Name ?? "", ex);
            }
        }
    }
}
