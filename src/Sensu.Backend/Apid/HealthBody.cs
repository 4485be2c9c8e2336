using System.Text.Json.Serialization;

namespace Sensu.Backend.Apid;

/// <summary>
/// <c>GET /health</c>, in Sensu's shape (its keys are Go field names). <c>StoreCondition</c> is ours, present only
/// when the store refuses work (<c>disk_full</c>, <c>read_only</c>, <c>busy</c>, <c>io_error</c>, <c>unavailable</c>):
/// Sensu's clients decode the known keys and ignore others.
/// </summary>
public sealed record HealthBody(
    [property: JsonPropertyName("Alarms")] IReadOnlyList<string>? Alarms,
    [property: JsonPropertyName("ClusterHealth")] IReadOnlyList<ClusterMemberHealth> ClusterHealth,
    [property: JsonPropertyName("Header")] HealthHeader Header)
{
    [JsonPropertyName("StoreCondition")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoreCondition { get; init; }
}

/// <summary>One backend's health (its store's); the URLs are ours, absent until its first heartbeat is read.</summary>
public sealed record ClusterMemberHealth(
    [property: JsonPropertyName("MemberID")] ulong MemberId,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Err")] string Err,
    [property: JsonPropertyName("Healthy")] bool Healthy)
{
    [JsonPropertyName("ApiURL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiUrl { get; init; }

    [JsonPropertyName("AgentURL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AgentUrl { get; init; }
}

/// <summary>Cluster identity in the health answer.</summary>
public sealed record HealthHeader(
    [property: JsonPropertyName("cluster_id")] ulong ClusterId,
    [property: JsonPropertyName("member_id")] ulong MemberId);
