using System.Threading.Channels;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Connection;

/// <summary>
/// Events waiting for the backend (check results, local API, socket, StatsD). Bounded: while the agent is
/// disconnected the oldest events are dropped first once it is full.
/// </summary>
internal sealed class EventQueue
{
    public const int Capacity = 1000;

    private readonly Channel<Event> _channel = Channel.CreateBounded<Event>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public ChannelReader<Event> Reader => _channel.Reader;

    public bool Publish(Event ev) => _channel.Writer.TryWrite(ev);
}
