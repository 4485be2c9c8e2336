namespace Sensu.Store;

/// <summary>
/// Identity of a stored resource: the store kind (<c>core/v2/checks</c>, see ResourceType.StoreKind),
/// the namespace (empty for cluster-wide kinds) and the name.
/// </summary>
public readonly record struct ResourceKey(string Kind, string Namespace, string Name)
{
    public static ResourceKey Cluster(string kind, string name) => new(kind, string.Empty, name);

    public override string ToString() => Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
