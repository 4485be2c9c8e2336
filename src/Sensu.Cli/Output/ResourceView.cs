using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Output;

/// <summary>
/// The flat JSON a table reads: for core/v2 the resource's own JSON; for other groups the wrapper's spec with
/// its <c>metadata</c> and <c>type</c> added, so that every column can say <c>metadata.name</c>.
/// </summary>
public static class ResourceView
{
    public static JsonObject Of(IResource resource)
    {
        var type = ResourceRegistry.For(resource);
        if (type.Group.MetadataInSpec)
            return WrappedEncoder.ToBareJson(resource);
        var wrapper = WrappedEncoder.ToWrappedJson(resource);
        var view = wrapper["spec"] is JsonObject spec ? (JsonObject)spec.DeepClone() : [];
        view["metadata"] = wrapper["metadata"]?.DeepClone();
        view["type"] = type.Name;
        return view;
    }
}
