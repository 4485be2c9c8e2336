namespace Sensu.Store;

/// <summary>Items of a listing, ordered, with the token for the next page or null when there is none.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continue);
