using System.Text.Json.Serialization;

namespace Sensu.Backend.Eventd;

/// <summary>Source-generated JSON for what Eventd reads back from stored events; same contract as the resources'.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(StoredEventCheck))]
internal sealed partial class EventdJsonContext : JsonSerializerContext;
