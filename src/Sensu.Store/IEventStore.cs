namespace Sensu.Store;

/// <summary>Keeps the latest event of every (namespace, entity, check).</summary>
public interface IEventStore
{
    Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken);

    /// <summary>Lists events ordered by (namespace, entity, check); null namespace = all; entity narrows to one entity.</summary>
    Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces the event with <paramref name="json"/> (UTF-8, stored as text) and returns its revision;
    /// fails with <see cref="NamespaceNotFoundException"/> when the namespace is missing. The document is taken as
    /// bytes, as Eventd serializes it, so that no string copy of every event is made on the way to the store.
    /// </summary>
    Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);

    Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken);

    /// <summary>Deletes every event of one entity; returns how many.</summary>
    Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken);
}
