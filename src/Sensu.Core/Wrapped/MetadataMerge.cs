using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Merges a wrapper's outer metadata into a resource's own (core-spec §1.1): non-empty outer name, namespace and
/// created_by win; labels and annotations are merged key by key, outer wins.
/// </summary>
public static class MetadataMerge
{
    /// <summary>Returns a new ObjectMeta: <paramref name="inner"/> overridden by <paramref name="outer"/>.</summary>
    public static ObjectMeta Merge(ObjectMeta? inner, ObjectMeta? outer)
    {
        var result = new ObjectMeta
        {
            Name = inner?.Name,
            Namespace = inner?.Namespace,
            CreatedBy = inner?.CreatedBy,
            Labels = Copy(inner?.Labels),
            Annotations = Copy(inner?.Annotations),
        };
        if (outer is null)
            return result;
        if (!string.IsNullOrEmpty(outer.Name))
            result.Name = outer.Name;
        if (!string.IsNullOrEmpty(outer.Namespace))
            result.Namespace = outer.Namespace;
        if (!string.IsNullOrEmpty(outer.CreatedBy))
            result.CreatedBy = outer.CreatedBy;
        result.Labels = MergeMaps(result.Labels, outer.Labels);
        result.Annotations = MergeMaps(result.Annotations, outer.Annotations);
        return result;
    }

    /// <summary>
    /// Applies the outer metadata to a decoded core/v2 resource. Types that carry no JSON <c>metadata</c>
    /// (Namespace, User, TessenConfig: their name lives in the spec) are not merged, as in Sensu; only a missing
    /// name is taken from the wrapper.
    /// </summary>
    public static void IntoResource(IResource resource, ResourceType type, ObjectMeta outer)
    {
        if (HasJsonMetadata(type))
        {
            resource.Metadata = Merge(resource.Metadata, outer);
            return;
        }
        var own = resource.Metadata;
        if (string.IsNullOrEmpty(own?.Name) && !string.IsNullOrEmpty(outer.Name))
            resource.Metadata = Merge(own, new ObjectMeta { Name = outer.Name });
    }

    /// <summary>True when the type's JSON has a <c>metadata</c> member.</summary>
    public static bool HasJsonMetadata(ResourceType type) =>
        type.TypeInfo.Properties.Any(p => p.Name == "metadata");

    private static Dictionary<string, string>? Copy(Dictionary<string, string>? map) =>
        map is null ? null : new Dictionary<string, string>(map, StringComparer.Ordinal);

    private static Dictionary<string, string>? MergeMaps(Dictionary<string, string>? inner, Dictionary<string, string>? outer)
    {
        if (outer is null || outer.Count == 0)
            return inner;
        var merged = inner ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in outer)
            merged[key] = value;
        return merged;
    }
}
