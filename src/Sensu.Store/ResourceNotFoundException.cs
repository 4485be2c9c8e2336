namespace Sensu.Store;

/// <summary>A conditional write or a delete found no such resource (or a different revision).</summary>
public sealed class ResourceNotFoundException(ResourceKey key)
    : StoreException($"resource \"{key.Name}\" not found")
{
    public ResourceKey Key { get; } = key;
}
