using System.Collections.Concurrent;
using Sensu.Store;

namespace Sensu.Backend.Tests.Apid.Selectors;

/// <summary>The real resource reader, whose filtered listing can be turned off and which records the filters it is given.</summary>
public sealed class FilterSwitchingResourceReader(IResourceReader inner) : IResourceReader
{
    public bool PushDown { get; set; } = true;

    public ConcurrentQueue<StoreFilter> Filters { get; } = new();

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        Filters.Enqueue(filter);
        return PushDown
            ? inner.ListAsync(kind, @namespace, filter, page, cancellationToken)
            : inner.ListAsync(kind, @namespace, page, cancellationToken);
    }

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(kind, @namespace, page, cancellationToken);

    public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);
}
