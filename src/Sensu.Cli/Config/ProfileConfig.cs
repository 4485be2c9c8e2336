using System.Text.Json.Serialization;

namespace Sensu.Cli.Config;

/// <summary>The <c>profile</c> file: the operator's defaults.</summary>
public sealed class ProfileConfig
{
    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }
}
