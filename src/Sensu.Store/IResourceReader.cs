namespace Sensu.Store;

/// <summary>Reads configuration resources.</summary>
public interface IResourceReader
{
    Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>Lists a kind ordered by (namespace, name); <paramref name="namespace"/> null lists every namespace.</summary>
    Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Lists as <see cref="ListAsync(string, string?, PageRequest, CancellationToken)"/> the resources that pass
    /// <paramref name="filter"/> (fields: <see cref="StoreFilterField.Name"/> and <see cref="StoreFilterField.Label"/>,
    /// the resource's <c>metadata.labels</c>). A page may hold fewer than its limit with a continue token. A store
    /// that cannot filter lists everything (the default), which callers must accept, as they check every item anyway.
    /// </summary>
    Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, StoreFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync(kind, @namespace, page, cancellationToken);

    /// <summary>
    /// Every kind that has at least one stored resource, ordered ordinally (used to copy or verify a whole store).
    /// A store that cannot tell (a cache or a view over another reader) throws <see cref="NotSupportedException"/>.
    /// </summary>
    Task<IReadOnlyList<string>> ListKindsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot list the kinds it holds");
}
