using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Body of <c>POST /auth/token</c> and <c>POST /auth/logout</c>.</summary>
public sealed record RefreshTokenBody([property: JsonPropertyName("refresh_token")] string? RefreshToken);
