namespace Sensu.Backend.Cluster;

/// <summary>
/// A lease this backend holds. <see cref="Token"/>, the store revision of the write that acquired it, is the fencing
/// token: every later acquisition, by anyone, has a greater one. <see cref="Revision"/> is the stored record's
/// revision now (renewals and release compare-and-set against it).
/// </summary>
public sealed record Lease(string Name, string Holder, long Token, long Revision, DateTimeOffset AcquiredAt, DateTimeOffset Expires)
{
    /// <summary>Whether the lease held at <paramref name="instant"/> (acquired at or before it, not yet expired).</summary>
    public bool HeldAt(DateTimeOffset instant) => AcquiredAt <= instant && instant < Expires;
}
