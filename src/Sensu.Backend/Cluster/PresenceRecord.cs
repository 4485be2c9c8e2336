using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

/// <summary>The agents connected to one backend, with the topics (subscriptions) each receives.</summary>
public sealed record PresenceRecord(
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("agents")] IReadOnlyList<PresenceAgent> Agents);

/// <summary>One connected agent in a <see cref="PresenceRecord"/>.</summary>
public sealed record PresenceAgent(
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("topics")] IReadOnlyList<string> Topics);
