namespace Sensu.Store;

/// <summary>A create was refused because the resource already exists.</summary>
public sealed class AlreadyExistsException(ResourceKey key)
    : StoreException($"resource \"{key.Name}\" already exists")
{
    public ResourceKey Key { get; } = key;
}
