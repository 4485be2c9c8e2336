using System.Text;

namespace Sensu.Store;

/// <summary>Conveniences over <see cref="IEventStore"/>.</summary>
public static class EventStoreExtensions
{
    /// <summary>Stores a document given as a string; the stored event as <see cref="IEventStore.GetEventAsync"/> would read it.</summary>
    public static async Task<StoredEvent> PutEventAsync(this IEventStore events, EventKey key, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(json);
        var revision = await events.PutEventAsync(key, Encoding.UTF8.GetBytes(json), cancellationToken);
        return new StoredEvent(key, json, revision);
    }
}
