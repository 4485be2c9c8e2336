using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Tests.Resources;

/// <summary>
/// Reads the docs-examples corpus (<c>&lt;repo&gt;/../shared/conformance/docs-examples</c>) and turns one
/// example into a resource the way sensuctl + the wrapper codec would: outer metadata merged into the
/// resource, and a missing namespace filled with <c>default</c> for namespaced types (sensuctl's profile).
/// </summary>
internal static class DocsCorpus
{
    public static string Root { get; } = FindRoot();

    /// <summary>Relative paths (<c>6.14/0040-Entity-x.json</c>) of every example of the given wrapper types.</summary>
    public static IEnumerable<string> Files(params string[] types)
    {
        foreach (var version in new[] { "5.17", "6.14" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, version), "*.json").Order(StringComparer.Ordinal))
            {
                var resource = Load(path)["resource"]!;
                var type = resource["type"]?.GetValue<string>();
                if (type is not null && types.Contains(type))
                    yield return $"{version}/{Path.GetFileName(path)}";
            }
        }
    }

    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(Root, path)))!.AsObject();

    /// <summary>Deserialises the example's spec into its registered CLR type and applies the outer metadata.</summary>
    public static IResource ToResource(string relativePath)
    {
        var wrapper = Load(relativePath)["resource"]!.AsObject();
        var typeName = wrapper["type"]!.GetValue<string>();
        var apiVersion = wrapper["api_version"]?.GetValue<string>();
        var type = ResourceRegistry.Find(typeName, apiVersion)
            ?? throw new InvalidOperationException($"unknown type {apiVersion}.{typeName}");
        var spec = wrapper["spec"]!.DeepClone().AsObject();
        var outer = wrapper["metadata"] as JsonObject;
        var resource = (IResource)(spec.Deserialize(type.TypeInfo)
            ?? throw new InvalidOperationException("null resource"));
        if (outer is not null && typeName != "Namespace")
            Merge(resource.Metadata, outer);
        if (type.Namespaced && string.IsNullOrEmpty(resource.Metadata.Namespace))
            resource.Metadata.Namespace = "default";
        return resource;
    }

    private static void Merge(ObjectMeta meta, JsonObject outer)
    {
        var name = outer["name"]?.GetValue<string>();
        var ns = outer["namespace"]?.GetValue<string>();
        var createdBy = outer["created_by"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(name)) meta.Name = name;
        if (!string.IsNullOrEmpty(ns)) meta.Namespace = ns;
        if (!string.IsNullOrEmpty(createdBy)) meta.CreatedBy = createdBy;
        meta.Labels = MergeMap(meta.Labels, outer["labels"] as JsonObject);
        meta.Annotations = MergeMap(meta.Annotations, outer["annotations"] as JsonObject);
    }

    private static Dictionary<string, string>? MergeMap(Dictionary<string, string>? inner, JsonObject? outer)
    {
        if (outer is null || outer.Count == 0)
            return inner;
        var result = inner is null ? new Dictionary<string, string>() : new Dictionary<string, string>(inner);
        foreach (var (k, v) in outer)
            result[k] = v?.ToString() ?? "";
        return result;
    }

    private static string FindRoot() => Sensu.Testing.DocsExamples.Root;

}
