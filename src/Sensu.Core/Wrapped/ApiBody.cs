using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>
/// REST bodies (core-spec §1.2 item 8): core/v2 resources travel as their bare JSON (metadata inside); resources
/// of other API groups travel as the whole wrapper. On input, the other groups accept either form.
/// </summary>
public static class ApiBody
{
    /// <summary>The JSON body to send or answer for <paramref name="resource"/>.</summary>
    public static JsonObject ToApiBody(IResource resource)
    {
        var type = ResourceRegistry.For(resource);
        return type.Group.MetadataInSpec ? WrappedEncoder.ToBareJson(resource) : WrappedEncoder.ToWrappedJson(resource);
    }

    /// <summary>The body as compact UTF-8 JSON.</summary>
    public static byte[] ToApiBodyBytes(IResource resource) => JsonText.WriteUtf8(ToApiBody(resource));

    /// <summary>Reads a request body for <paramref name="type"/>; unknown fields are collected in <paramref name="warnings"/>.</summary>
    /// <exception cref="WrappedFormatException">Malformed JSON, wrong field types, or a wrapper of another type.</exception>
    public static IResource FromApiBody(ResourceType type, ReadOnlySpan<byte> body, List<string>? warnings = null)
    {
        warnings ??= [];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            WrappedReader.Materialize(node);
        }
        catch (ArgumentException ex)
        {
            throw new WrappedFormatException($"invalid JSON: duplicate key ({ex.Message})", typeName: type.Name, innerException: ex);
        }
        catch (JsonException ex)
        {
            throw new WrappedFormatException($"invalid JSON: {WrappedReader.Describe(ex)}", typeName: type.Name, innerException: ex);
        }
        return FromApiBody(type, node, warnings);
    }

    /// <summary>As <see cref="FromApiBody(ResourceType, ReadOnlySpan{byte}, List{string}?)"/>, from a parsed tree.</summary>
    public static IResource FromApiBody(ResourceType type, JsonNode? node, List<string> warnings)
    {
        if (node is not JsonObject obj)
            throw new WrappedFormatException("expected a JSON object", typeName: type.Name);
        if (!type.Group.MetadataInSpec && obj.ContainsKey("spec"))
            return FromWrapper(type, obj, warnings);
        return WrappedDecoder.Deserialize(obj, type, string.Empty, warnings);
    }

    /// <summary>A wrapper in a body may leave out <c>type</c> and <c>api_version</c>: the URL says which type it is.</summary>
    private static IResource FromWrapper(ResourceType type, JsonObject obj, List<string> warnings)
    {
        if (obj["type"] is null)
            obj["type"] = type.Name;
        if (obj["api_version"] is null)
            obj["api_version"] = type.ApiVersion;
        var wrapper = WrappedDecoder.ParseEnvelope(obj, warnings);
        var named = ResourceRegistry.Find(wrapper.Type, wrapper.ApiVersion);
        if (named != type)
        {
            throw new WrappedFormatException(
                $"body is a {wrapper.Type} ({wrapper.ApiVersion}), expected {type.Name} ({type.ApiVersion})", typeName: type.Name);
        }
        return WrappedDecoder.ToResource(wrapper, type, warnings);
    }
}
