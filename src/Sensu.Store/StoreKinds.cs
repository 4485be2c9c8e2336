namespace Sensu.Store;

/// <summary>Kinds the store itself must know about (the rest come from the resource registry).</summary>
public static class StoreKinds
{
    /// <summary>Namespaces: writes of namespaced resources require one of these to exist.</summary>
    public const string Namespaces = "core/v2/namespaces";
}
