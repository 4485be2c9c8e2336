using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>Turns resources into wrappers (core-spec §1.1) and into their bare JSON.</summary>
public static class WrappedEncoder
{
    /// <summary>
    /// Wraps a resource: Go type name, api_version, metadata, and the spec (for core/v2 with the metadata inside,
    /// as sensuctl writes it; for the other groups without).
    /// </summary>
    public static Wrapper Wrap(IResource resource)
    {
        var type = ResourceRegistry.For(resource);
        var spec = ToBareJson(resource, type);
        if (!type.Group.MetadataInSpec)
            spec.Remove("metadata");
        return new Wrapper
        {
            Type = type.Name,
            ApiVersion = type.ApiVersion,
            Metadata = MetadataMerge.Merge(resource.Metadata, null),
            Spec = spec,
        };
    }

    /// <summary>The wrapper of <paramref name="resource"/> as a JSON tree.</summary>
    public static JsonObject ToWrappedJson(IResource resource) => Wrap(resource).ToJson();

    /// <summary>The resource's own JSON (for core/v2: what the REST API sends, metadata inside).</summary>
    public static JsonObject ToBareJson(IResource resource) => ToBareJson(resource, ResourceRegistry.For(resource));

    private static JsonObject ToBareJson(IResource resource, ResourceType type) =>
        JsonSerializer.SerializeToNode(resource, type.TypeInfo) as JsonObject
        ?? throw new InvalidOperationException($"{type.Name} did not serialize to a JSON object");
}
