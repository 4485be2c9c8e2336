namespace Sensu.Backend.Authentication;

/// <summary>
/// Stored login session: whose it is, the id of its current refresh token (rotated on every refresh), when it ends
/// (unix seconds), and the <see cref="PasswordStamp"/> of the user's password hash when it was opened (a session
/// outlives no password change).
/// </summary>
public sealed record SessionRecord(string Username, string RefreshTokenId, long ExpiresAt, string? Stamp = null);
