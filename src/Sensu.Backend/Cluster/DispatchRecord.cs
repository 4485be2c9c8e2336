using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

/// <summary>
/// A check request on its way to the agents of other backends: written by the backend that executed the check,
/// delivered by every other backend to its own sessions on <see cref="Topic"/>. <see cref="Request"/> is the
/// request's JSON without resolved secrets (they are never stored); <see cref="HasSecrets"/> tells the receiving
/// backend to resolve the check's secrets itself. <see cref="Token"/> is the scheduler lease's fencing token (0 for
/// ad hoc requests): a backend drops scheduled requests older than the newest token it has seen.
/// </summary>
public sealed record DispatchRecord(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("token")] long Token,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("has_secrets")] bool HasSecrets,
    [property: JsonPropertyName("request")] string Request);
