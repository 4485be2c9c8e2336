namespace Sensu.Store;

/// <summary>One committed change of a configuration resource; <see cref="Resource"/> is null for deletes.</summary>
public sealed record ResourceChange(ChangeKind Kind, ResourceKey Key, StoredResource? Resource, long Revision);
