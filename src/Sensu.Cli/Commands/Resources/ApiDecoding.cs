using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Resources;

/// <summary>Turns API answers into resources: bare core/v2 bodies, or wrappers (whose own <c>type</c> wins, for polymorphic providers).</summary>
public static class ApiDecoding
{
    public static IResource Decode(ResourceType type, JsonNode? node)
    {
        var warnings = new List<string>();
        if (!type.Group.MetadataInSpec && node is JsonObject obj && obj.ContainsKey("spec") && obj.ContainsKey("type"))
            return WrappedDecoder.Decode(obj.DeepClone(), warnings).Resource;
        return ApiBody.FromApiBody(type, node?.DeepClone(), warnings);
    }

    public static List<IResource> DecodeAll(ResourceType type, IEnumerable<JsonNode> nodes) => nodes.Select(n => Decode(type, n)).ToList();
}
