using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>
/// The wrapped envelope <c>{type, api_version, metadata, spec}</c> that sensuctl reads and writes (core-spec §1.1).
/// </summary>
public sealed class Wrapper
{
    /// <summary>Go type name (<c>CheckConfig</c>) or its alias (<c>check_config</c>).</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Defaults to <c>core/v2</c>.</summary>
    public string ApiVersion { get; set; } = ApiGroup.CoreV2.ApiVersion;

    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The resource's own JSON: with metadata inside for core/v2, without for the other groups.</summary>
    public JsonObject Spec { get; set; } = [];

    /// <summary>The envelope as JSON, keys in Sensu's order: type, api_version, metadata, spec.</summary>
    public JsonObject ToJson()
    {
        var metadata = JsonSerializer.SerializeToNode(Metadata, SensuJsonContext.Default.ObjectMeta) ?? new JsonObject();
        return new JsonObject
        {
            ["type"] = Type,
            ["api_version"] = string.IsNullOrEmpty(ApiVersion) ? ApiGroup.CoreV2.ApiVersion : ApiVersion,
            ["metadata"] = metadata,
            ["spec"] = Spec.DeepClone(),
        };
    }
}
