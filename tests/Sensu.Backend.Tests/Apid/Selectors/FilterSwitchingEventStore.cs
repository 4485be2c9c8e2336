using System.Collections.Concurrent;
using Sensu.Store;

namespace Sensu.Backend.Tests.Apid.Selectors;

/// <summary>
/// The real event store, whose filtered listing can be turned off (<see cref="PushDown"/> false: the filter is
/// dropped and every row read, the in-memory baseline) and which records the filters it is given.
/// </summary>
public sealed class FilterSwitchingEventStore(IEventStore inner) : IEventStore
{
    public bool PushDown { get; set; } = true;

    public ConcurrentQueue<StoreFilter> Filters { get; } = new();

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        Filters.Enqueue(filter);
        return PushDown
            ? inner.ListEventsAsync(@namespace, entity, filter, page, cancellationToken)
            : inner.ListEventsAsync(@namespace, entity, page, cancellationToken);
    }

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListEventsAsync(@namespace, entity, page, cancellationToken);

    public Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken) => inner.GetEventAsync(key, cancellationToken);

    public Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) => inner.PutEventAsync(key, json, cancellationToken);

    public Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken) => inner.DeleteEventAsync(key, cancellationToken);

    public Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken) =>
        inner.DeleteEntityEventsAsync(@namespace, entity, cancellationToken);
}
