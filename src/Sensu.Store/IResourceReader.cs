namespace Sensu.Store;

/// <summary>Reads configuration resources.</summary>
public interface IResourceReader
{
    Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>Lists a kind ordered by (namespace, name); <paramref name="namespace"/> null lists every namespace.</summary>
    Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken);
}
