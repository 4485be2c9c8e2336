namespace Sensu.Store;

/// <summary>One write of a resource: its key, wrapper type and JSON.</summary>
public sealed record ResourceWrite(ResourceKey Key, string Type, string Json);
