using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Turns wrapped documents into resources (core-spec §1.1): checks the envelope, finds the type in the
/// <see cref="ResourceRegistry"/>, deserializes the spec with the type's source-generated contract and merges
/// the outer metadata into the resource's own.
/// </summary>
public static class WrappedDecoder
{
    /// <summary>sensuctl gives up after this many errors.</summary>
    public const int MaxErrors = 10;

    private static readonly HashSet<string> EnvelopeKeys = ["type", "api_version", "metadata", "spec"];

    /// <summary>Reads and decodes every document of <paramref name="text"/>, collecting errors per document.</summary>
    public static WrappedDecodeResult DecodeAll(string text)
    {
        var resources = new List<DecodedResource>();
        var errors = new List<WrappedFormatException>();
        foreach (var document in WrappedReader.Read(text))
        {
            try
            {
                resources.Add(Decode(document));
            }
            catch (WrappedFormatException ex)
            {
                errors.Add(ex);
                if (errors.Count > MaxErrors)
                    return new WrappedDecodeResult(resources, errors, TooManyErrors: true);
            }
        }
        return new WrappedDecodeResult(resources, errors, TooManyErrors: false);
    }

    /// <summary>Decodes one document; errors carry its index and line.</summary>
    public static DecodedResource Decode(WrappedDocument document)
    {
        if (document.Error is not null)
            throw document.Error;
        try
        {
            var warnings = new List<string>();
            var (type, resource) = Decode(document.Node, warnings);
            return new DecodedResource(document.Index, document.Line, type, resource, warnings);
        }
        catch (WrappedFormatException ex)
        {
            throw ex.At(document.Index, document.Line);
        }
    }

    /// <summary>Decodes one wrapper tree; unknown spec fields are added to <paramref name="warnings"/>.</summary>
    public static (ResourceType Type, IResource Resource) Decode(JsonNode? node, List<string> warnings)
    {
        var wrapper = ParseEnvelope(node, warnings);
        var type = ResourceRegistry.Find(wrapper.Type, wrapper.ApiVersion)
            ?? throw new WrappedFormatException($"unknown type \"{wrapper.Type}\" (api_version {wrapper.ApiVersion}): not supported");
        return (type, ToResource(wrapper, type, warnings));
    }

    /// <summary>Reads the envelope: unknown top-level keys are errors, <c>spec</c> is required, <c>api_version</c> defaults to core/v2.</summary>
    public static Wrapper ParseEnvelope(JsonNode? node, List<string> warnings)
    {
        if (node is not JsonObject obj)
            throw new WrappedFormatException($"expected a wrapped resource object, got {Kind(node)}");
        foreach (var (key, _) in obj)
        {
            if (!EnvelopeKeys.Contains(key))
                throw new WrappedFormatException($"unknown top-level field \"{key}\" (a wrapped resource has only type, api_version, metadata and spec)");
        }
        var type = StringField(obj, "type");
        if (string.IsNullOrEmpty(type))
            throw new WrappedFormatException("no type provided");
        var apiVersion = StringField(obj, "api_version");
        if (obj["spec"] is null)
            throw new WrappedFormatException("no spec provided", typeName: type);
        if (obj["spec"] is not JsonObject spec)
            throw new WrappedFormatException($"expected an object, got {Kind(obj["spec"])}", typeName: type, path: "spec");
        return new Wrapper
        {
            Type = type,
            ApiVersion = string.IsNullOrEmpty(apiVersion) ? ApiGroup.CoreV2.ApiVersion : apiVersion,
            Metadata = ReadMetadata(obj["metadata"], type, warnings),
            Spec = spec,
        };
    }

    /// <summary>Builds the resource from a parsed envelope of a known type.</summary>
    public static IResource ToResource(Wrapper wrapper, ResourceType type, List<string> warnings)
    {
        var spec = (JsonObject)wrapper.Spec.DeepClone();
        if (!type.Group.MetadataInSpec)
            spec.Remove("metadata");
        var resource = Deserialize(spec, type, "spec", warnings);
        if (type.Group.MetadataInSpec)
            MetadataMerge.IntoResource(resource, type, wrapper.Metadata);
        else
            resource.Metadata = wrapper.Metadata;
        return resource;
    }

    /// <summary>Deserializes a resource's own JSON (the spec, or a bare API body) with shape checks and located errors.</summary>
    internal static IResource Deserialize(JsonObject json, ResourceType type, string rootPath, List<string> warnings)
    {
        JsonShapeChecker.StripNulls(json);
        try
        {
            JsonShapeChecker.Check(json, type.TypeInfo, rootPath, warnings);
            var value = json.Deserialize(type.TypeInfo) as IResource
                ?? throw new WrappedFormatException("spec decoded to nothing", typeName: type.Name, path: rootPath);
            return value;
        }
        catch (WrappedFormatException ex) when (ex.TypeName is null)
        {
            throw new WrappedFormatException(ex.Detail, typeName: type.Name, path: ex.Path);
        }
        catch (JsonException ex)
        {
            throw new WrappedFormatException(WrappedReader.Describe(ex), typeName: type.Name, path: JsonPath(rootPath, ex.Path), innerException: ex);
        }
    }

    private static ObjectMeta ReadMetadata(JsonNode? node, string typeName, List<string> warnings)
    {
        if (node is null)
            return new ObjectMeta();
        JsonShapeChecker.StripNulls(node);
        try
        {
            JsonShapeChecker.Check(node, SensuJsonContext.Default.ObjectMeta, "metadata", warnings);
            return node.Deserialize(SensuJsonContext.Default.ObjectMeta) ?? new ObjectMeta();
        }
        catch (WrappedFormatException ex)
        {
            throw new WrappedFormatException(ex.Detail, typeName: typeName, path: ex.Path);
        }
        catch (JsonException ex)
        {
            throw new WrappedFormatException(WrappedReader.Describe(ex), typeName: typeName, path: JsonPath("metadata", ex.Path), innerException: ex);
        }
    }

    private static string? StringField(JsonObject obj, string key)
    {
        var value = obj[key];
        if (value is null)
            return null;
        if (value.GetValueKind() != JsonValueKind.String)
            throw new WrappedFormatException($"expected a string, got {Kind(value)}", path: key);
        return value.GetValue<string>();
    }

    /// <summary>Maps System.Text.Json's <c>$.check.interval</c> onto <c>spec.check.interval</c>.</summary>
    private static string JsonPath(string root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return root;
        var rest = path.StartsWith('$') ? path[1..] : path;
        if (string.IsNullOrEmpty(root))
            return rest.TrimStart('.');
        return rest.StartsWith('.') || rest.StartsWith('[') ? root + rest : $"{root}.{rest}";
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
