using System.Text.Json.Serialization;

namespace Sensu.Cli.Config;

/// <summary>The <c>cluster</c> file: where the backend is and how to authenticate (Sensu's field names).</summary>
public sealed class ClusterConfig
{
    [JsonPropertyName("api-url")]
    public string? ApiUrl { get; set; }

    [JsonPropertyName("trusted-ca-file")]
    public string? TrustedCaFile { get; set; }

    [JsonPropertyName("insecure-skip-tls-verify")]
    public bool InsecureSkipTlsVerify { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    /// <summary>Unix seconds when the access token expires.</summary>
    [JsonPropertyName("expires_at")]
    public long ExpiresAt { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    /// <summary>Request timeout in nanoseconds (Go's <c>time.Duration</c> JSON form); 0 means the default.</summary>
    [JsonPropertyName("timeout")]
    public long Timeout { get; set; }

    [JsonPropertyName("api-key")]
    public string? ApiKey { get; set; }
}
