namespace Sensu.Backend.Authentication;

/// <summary>
/// A value as of a store revision. <see cref="Value"/> null is a tombstone (deleted at <see cref="Revision"/>);
/// revision 0 is a value this backend holds that the store has not confirmed (its write failed or is under way).
/// </summary>
public sealed record Revisioned<T>(T? Value, long Revision) where T : class;
