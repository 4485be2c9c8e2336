using System.Text.Json.Serialization;

namespace Sensu.Cli.Config;

/// <summary>What <c>sensuctl config view</c> shows, with Sensu's keys.</summary>
public sealed record ActiveConfiguration(
    [property: JsonPropertyName("api-url")] string ApiUrl,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("timeout")] string Timeout,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("jwt_expires_at")] string JwtExpiresAt);
