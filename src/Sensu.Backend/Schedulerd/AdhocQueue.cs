using System.Threading.Channels;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Ad hoc check requests waiting for the scheduler, bounded like Sensu's queue: when it is full the API answers
/// with an error instead of blocking. The scheduler reads them with <see cref="ReadAllAsync"/>.
/// </summary>
public sealed class AdhocQueue
{
    public const int Capacity = 1000;

    private readonly Channel<AdhocRequest> _channel = Channel.CreateBounded<AdhocRequest>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Queues a request; false when the queue is full.</summary>
    public bool TryEnqueue(AdhocRequest request) => _channel.Writer.TryWrite(request);

    public IAsyncEnumerable<AdhocRequest> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public int Count => _channel.Reader.Count;
}
