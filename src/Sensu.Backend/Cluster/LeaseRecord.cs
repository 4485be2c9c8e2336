using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

/// <summary>A lease as stored: its holder (empty when released) and until when it holds (unix milliseconds).</summary>
public sealed record LeaseRecord(
    [property: JsonPropertyName("holder")] string Holder,
    [property: JsonPropertyName("expires")] long Expires);
