using System.Text.Json.Serialization;

namespace Sensu.Backend.Apid;

/// <summary><c>GET /health</c>, in Sensu's shape (its keys are Go field names).</summary>
public sealed record HealthBody(
    [property: JsonPropertyName("Alarms")] IReadOnlyList<string>? Alarms,
    [property: JsonPropertyName("ClusterHealth")] IReadOnlyList<ClusterMemberHealth> ClusterHealth,
    [property: JsonPropertyName("Header")] HealthHeader Header);

/// <summary>One store member's health.</summary>
public sealed record ClusterMemberHealth(
    [property: JsonPropertyName("MemberID")] ulong MemberId,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Err")] string Err,
    [property: JsonPropertyName("Healthy")] bool Healthy);

/// <summary>Cluster identity in the health answer.</summary>
public sealed record HealthHeader(
    [property: JsonPropertyName("cluster_id")] ulong ClusterId,
    [property: JsonPropertyName("member_id")] ulong MemberId);
