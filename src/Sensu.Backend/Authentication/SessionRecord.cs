namespace Sensu.Backend.Authentication;

/// <summary>Stored login session: whose it is, the id of its refresh token and when it ends (unix seconds).</summary>
internal sealed record SessionRecord(string Username, string RefreshTokenId, long ExpiresAt);
