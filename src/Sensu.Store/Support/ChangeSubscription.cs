using System.Threading.Channels;

namespace Sensu.Store;

/// <summary>One watcher of a <see cref="ChangeBroadcaster"/>: its kind filter and its bounded queue.</summary>
internal sealed class ChangeSubscription(IReadOnlySet<string> kinds, int capacity)
{
    private readonly Channel<ResourceChange> _channel = Channel.CreateBounded<ResourceChange>(
        new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    public ChannelReader<ResourceChange> Reader => _channel.Reader;

    /// <summary>Queues the change if this subscriber wants its kind; false when the queue is full.</summary>
    public bool TryOffer(ResourceChange change)
    {
        if (kinds.Count != 0 && !kinds.Contains(change.Key.Kind))
        {
            return true;
        }

        // A completed channel also refuses writes; removing such a subscriber again is harmless.
        return _channel.Writer.TryWrite(change);
    }

    public void Complete(Exception? error) => _channel.Writer.TryComplete(error);
}
