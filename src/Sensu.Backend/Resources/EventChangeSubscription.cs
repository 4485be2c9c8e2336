using System.Threading.Channels;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>One subscriber's pending notices: <see cref="Reader"/> yields the latest changed key, coalesced.</summary>
public sealed class EventChangeSubscription : IDisposable
{
    private readonly Func<EventKey, bool> _selects;
    private readonly Action<EventChangeSubscription> _remove;
    private readonly Channel<EventKey> _channel = Channel.CreateBounded<EventKey>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal EventChangeSubscription(Func<EventKey, bool> selects, Action<EventChangeSubscription> remove)
    {
        _selects = selects;
        _remove = remove;
    }

    public ChannelReader<EventKey> Reader => _channel.Reader;

    internal void Offer(EventKey key)
    {
        if (_selects(key))
            _channel.Writer.TryWrite(key);
    }

    public void Dispose()
    {
        _remove(this);
        _channel.Writer.TryComplete();
    }
}
