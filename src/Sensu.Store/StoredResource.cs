namespace Sensu.Store;

/// <summary>
/// A resource as the store keeps it: its key, its wrapper <c>type</c> (several types may share a kind,
/// e.g. secrets providers), its JSON, and a revision that grows with every write to the store.
/// </summary>
public sealed record StoredResource(ResourceKey Key, string Type, string Json, long Revision);
