namespace Sensu.Store;

/// <summary>Keeps the latest event of every (namespace, entity, check).</summary>
public interface IEventStore
{
    Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken);

    /// <summary>Lists events ordered by (namespace, entity, check); null namespace = all; entity narrows to one entity.</summary>
    Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Lists as <see cref="ListEventsAsync(string?, string?, PageRequest, CancellationToken)"/> the events that pass
    /// <paramref name="filter"/> (fields: <see cref="StoreFilterField.EventEntity"/>, <see cref="StoreFilterField.EventCheck"/>,
    /// <see cref="StoreFilterField.EventCheckStatus"/>, <see cref="StoreFilterField.Label"/>). A page may hold fewer than
    /// its limit with a continue token: the rows after it have still to be read. A store that cannot filter lists
    /// everything (the default), which callers must accept, as they check every item anyway.
    /// </summary>
    Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, StoreFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        ListEventsAsync(@namespace, entity, page, cancellationToken);

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
