using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// Keepalived's entrance, the one <see cref="IKeepaliveReceiver"/>: keepalives from Agentd wait in bounded queues
/// (<c>keepalived-buffer-size</c>, one per <c>keepalived-workers</c> worker, one entity always on the same queue) until
/// <see cref="Keepalived"/>'s worker takes them. It depends on nothing downstream, so Agentd takes it in its constructor.
/// </summary>
public sealed class KeepaliveQueues : IKeepaliveReceiver
{
    private readonly Channel<Event>[] _queues;
    private readonly ILogger<KeepaliveQueues> _logger;

    public KeepaliveQueues(IOptions<KeepalivedOptions> options, ILogger<KeepaliveQueues> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var workers = Math.Max(1, options.Value.Workers);
        var capacity = Math.Max(1, (options.Value.BufferSize + workers - 1) / workers);
        _queues = new Channel<Event>[workers];
        for (var i = 0; i < workers; i++)
        {
            _queues[i] = Channel.CreateBounded<Event>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    /// <summary>Keepalives waiting in the queues.</summary>
    public int Depth => _queues.Sum(q => q.Reader.Count);

    internal IReadOnlyList<ChannelReader<Event>> Readers => [.. _queues.Select(q => q.Reader)];

    /// <summary>Queues a keepalive (waits while the entity's queue is full); validation failures are logged and dropped.</summary>
    public async Task ReceiveAsync(Event keepalive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keepalive);
        if (keepalive.Entity is not { Metadata.Name.Length: > 0 } entity)
        {
            Log.Rejected(_logger, "no entity");
            return;
        }
        var ns = keepalive.Metadata.Namespace ?? entity.Metadata.Namespace ?? "default";
        keepalive.Metadata.Namespace = ns;
        entity.Metadata.Namespace = ns;
        var queue = _queues[Partition(new KeepaliveKey(ns, entity.Metadata.Name))];
        try
        {
            await queue.Writer.WriteAsync(keepalive, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StoreUnavailableException("the keepalive processor (keepalived) is stopping", ex);
        }
    }

    /// <summary>Refuses new keepalives; the workers drain what is queued.</summary>
    public void Close()
    {
        foreach (var queue in _queues)
            queue.Writer.TryComplete();
    }

    private int Partition(KeepaliveKey key) => (int)((uint)key.GetHashCode() % (uint)_queues.Length);
}
