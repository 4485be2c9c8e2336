using System.Text.Json.Serialization;

namespace Sensu.Backend.Apid;

/// <summary>Source-generated JSON for the API's own small bodies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(VersionBody))]
internal sealed partial class ApidJsonContext : JsonSerializerContext
{
}
