using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sensu.Cli.Config;

/// <summary>Source-generated JSON for sensuctl's own files and small API bodies.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClusterConfig))]
[JsonSerializable(typeof(ProfileConfig))]
[JsonSerializable(typeof(ActiveConfiguration))]
[JsonSerializable(typeof(List<Sensu.Cli.Commands.DescribeType.TypeDescription>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
