using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

/// <summary>A backend's member record: where to reach it, and when it last said it was alive (unix milliseconds).</summary>
public sealed record MemberRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("api_url")] string ApiUrl,
    [property: JsonPropertyName("agent_url")] string AgentUrl,
    [property: JsonPropertyName("started")] long Started,
    [property: JsonPropertyName("heartbeat")] long Heartbeat);
