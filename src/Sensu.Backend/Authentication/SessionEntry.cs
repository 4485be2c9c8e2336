namespace Sensu.Backend.Authentication;

/// <summary>
/// A session as this backend's <see cref="AuthStateView"/> knows it. <see cref="Revoked"/> is final: a revoked
/// session is kept (until it would have expired) so that a late change-feed entry cannot bring it back.
/// </summary>
public sealed record SessionEntry(SessionRecord Record, bool Revoked = false);
