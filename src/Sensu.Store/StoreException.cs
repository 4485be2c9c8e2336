namespace Sensu.Store;

/// <summary>Base of the errors a store raises for a condition the caller can act on.</summary>
public abstract class StoreException : Exception
{
    protected StoreException(string message) : base(message) { }

    protected StoreException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A write was refused because the resource's namespace does not exist.</summary>
public sealed class NamespaceNotFoundException(string @namespace)
    : StoreException($"namespace \"{@namespace}\" not found")
{
    public string Namespace { get; } = @namespace;
}

/// <summary>A create was refused because the resource already exists.</summary>
public sealed class AlreadyExistsException(ResourceKey key)
    : StoreException($"resource \"{key.Name}\" already exists")
{
    public ResourceKey Key { get; } = key;
}

/// <summary>A conditional write or a delete found no such resource (or a different revision).</summary>
public sealed class ResourceNotFoundException(ResourceKey key)
    : StoreException($"resource \"{key.Name}\" not found")
{
    public ResourceKey Key { get; } = key;
}

/// <summary>The store itself failed (disk, connection...); the message says how.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : StoreException(message, inner);
