using System.Collections.Concurrent;
using Sensu.Backend.Apid;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>An event writer that records what it is given; optionally never completes (a stuck pipeline).</summary>
internal sealed class CapturingEventWriter(bool stuck = false) : IEventWriter
{
    private readonly ConcurrentQueue<Event> _events = new();

    public IReadOnlyList<Event> Events => [.. _events];

    public async Task WriteAsync(Event ev, CancellationToken cancellationToken)
    {
        if (stuck)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        _events.Enqueue(ev);
    }
}
