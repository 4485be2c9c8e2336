using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Answer of <c>GET /auth</c> and <c>POST /auth/token</c> (Sensu's <c>Tokens</c>).</summary>
public sealed record TokenPairBody(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_at")] long ExpiresAt,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);
