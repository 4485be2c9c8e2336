using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>An <see cref="IEventStore"/> that publishes each completed write and delete to <see cref="EventChanges"/>.</summary>
public sealed class NotifyingEventStore(IEventStore inner, EventChanges changes) : IEventStore
{
    public Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken) =>
        inner.GetEventAsync(key, cancellationToken);

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListEventsAsync(@namespace, entity, page, cancellationToken);

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, StoreFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListEventsAsync(@namespace, entity, filter, page, cancellationToken);

    public async Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var revision = await inner.PutEventAsync(key, json, cancellationToken);
        changes.Publish(key);
        return revision;
    }

    public async Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken)
    {
        var deleted = await inner.DeleteEventAsync(key, cancellationToken);
        if (deleted)
            changes.Publish(key);
        return deleted;
    }

    public async Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken)
    {
        var count = await inner.DeleteEntityEventsAsync(@namespace, entity, cancellationToken);
        if (count > 0)
            changes.PublishEntity(@namespace, entity);
        return count;
    }
}
