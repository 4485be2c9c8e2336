namespace Sensu.Backend.Authentication;

/// <summary>A signed token with its id and expiry.</summary>
public sealed record IssuedToken(string Token, string TokenId, DateTimeOffset ExpiresAt);
