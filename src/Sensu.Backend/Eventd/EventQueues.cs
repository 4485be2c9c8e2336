using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Eventd;

/// <summary>
/// Eventd's entrance, the one <see cref="IEventWriter"/> of the backend: every event (API, agents, keepalives, TTL
/// expiries, the backend's own <c>secrets</c> events) has its defaults filled by <see cref="EventProcessor.Prepare"/>
/// and waits in one of the bounded queues (<c>eventd-buffer-size</c>, one per <c>eventd-workers</c> worker) until
/// <see cref="Eventd"/>'s worker for its (namespace, entity, check) stores it; the writer's call then completes.
/// It depends on nothing downstream (not on the pipeline), so any service may take it in its constructor.
/// </summary>
public sealed class EventQueues : IEventWriter, IUnstoredEventWriter
{
    private readonly Channel<EventdWorkItem>[] _queues;
    private readonly EventProcessor _processor;

    public EventQueues(IOptions<EventdOptions> options, EventProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(options);
        _processor = processor;
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
    }

    /// <summary>Events waiting in the queues.</summary>
    public int Depth => _queues.Sum(q => q.Reader.Count);

    internal IReadOnlyList<ChannelReader<EventdWorkItem>> Readers => [.. _queues.Select(q => q.Reader)];

    /// <summary>Fills the event's defaults, queues it and returns once it is stored (the pipeline runs after).</summary>
    public Task WriteAsync(Event ev, CancellationToken cancellationToken)
    {
        _processor.Prepare(ev);
        return QueueAsync(new EventdWorkItem(ev), cancellationToken);
    }

    /// <summary>Queues an event the backend made for the pipeline only (<see cref="IUnstoredEventWriter"/>).</summary>
    public Task ForwardAsync(Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return QueueAsync(new EventdWorkItem(ev, unstored: true), cancellationToken);
    }

    private async Task QueueAsync(EventdWorkItem item, CancellationToken cancellationToken)
    {
        var ev = item.Event;
        var queue = _queues[Partition(EventProcessor.KeyOf(ev))];
        try
        {
            await queue.Writer.WriteAsync(item, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StoreUnavailableException("the event processor (eventd) is stopping", ex);
        }
        await item.Stored.WaitAsync(cancellationToken);
    }

    /// <summary>Refuses new events; the workers drain what is queued.</summary>
    public void Close()
    {
        foreach (var queue in _queues)
            queue.Writer.TryComplete();
    }

    private int Partition(EventKey key) =>
        (int)((uint)HashCode.Combine(key.Namespace, key.Entity, key.Check) % (uint)_queues.Length);
}
