namespace Sensu.Store;

/// <summary>A write was refused because the resource's namespace does not exist.</summary>
public sealed class NamespaceNotFoundException(string @namespace)
    : StoreException($"namespace \"{@namespace}\" not found")
{
    public string Namespace { get; } = @namespace;
}
