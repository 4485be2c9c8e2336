namespace Sensu.Store;

/// <summary>
/// Writes configuration resources. Each call is atomic. Writes of a namespaced resource
/// (non-empty <see cref="ResourceKey.Namespace"/>) fail with <see cref="NamespaceNotFoundException"/>
/// unless the namespace exists (a resource of kind <see cref="StoreKinds.Namespaces"/>).
/// </summary>
public interface IResourceWriter
{
    /// <summary>Creates; throws <see cref="AlreadyExistsException"/> when the key exists.</summary>
    Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken);

    /// <summary>Creates or replaces.</summary>
    Task<(StoredResource Resource, PutOutcome Outcome)> PutAsync(ResourceWrite write, CancellationToken cancellationToken);

    /// <summary>Replaces only if the stored revision is still <paramref name="expectedRevision"/>; else <see cref="ResourceNotFoundException"/>.</summary>
    Task<StoredResource> ReplaceAsync(ResourceWrite write, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>Deletes; returns false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>Applies several puts in one transaction: all of them or none (used by <c>init</c>).</summary>
    Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken);
}
