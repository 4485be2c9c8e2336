using System.Collections.Concurrent;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>
/// In-process notice of event writes and deletes on this backend (events are not in the resource change feed): the
/// store decorator <see cref="NotifyingEventStore"/> publishes, readers such as the dashboard subscribe. A
/// subscription holds at most one pending notice (a burst of writes wakes its reader once), so a slow reader never
/// slows a writer.
/// </summary>
public sealed class EventChanges
{
    private readonly ConcurrentDictionary<EventChangeSubscription, byte> _subscriptions = new();

    /// <summary>Subscribes to changes of the events <paramref name="selects"/> selects; dispose to stop.</summary>
    public EventChangeSubscription Subscribe(Func<EventKey, bool> selects)
    {
        var subscription = new EventChangeSubscription(selects, s => _subscriptions.TryRemove(s, out _));
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Tells every subscriber whose selection holds <paramref name="key"/> that the event changed.</summary>
    public void Publish(EventKey key)
    {
        foreach (var subscription in _subscriptions.Keys)
            subscription.Offer(key);
    }

    /// <summary>Tells every subscriber of <paramref name="namespace"/> that some of its events changed (an entity's events deleted).</summary>
    public void PublishEntity(string @namespace, string entity) => Publish(new EventKey(@namespace, entity, string.Empty));
}
