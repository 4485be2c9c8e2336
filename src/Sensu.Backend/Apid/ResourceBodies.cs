using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Backend.Apid;

/// <summary>Reads resources from request bodies and writes them to responses in the API's shape (bare core/v2, wrapped otherwise).</summary>
public static class ResourceBodies
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
            throw ResourceException.Invalid("request body is empty");
        return buffer.ToArray();
    }

    /// <summary>Decodes a body for a collection; several types may share it (providers): the wrapper's type picks one.</summary>
    public static IResource Decode(IReadOnlyList<ResourceType> collection, byte[] body)
    {
        if (collection.Count == 1)
            return ApiBody.FromApiBody(collection[0], body);
        var wrapperType = ReadWrapperType(body);
        var type = collection.FirstOrDefault(t => t.Name == wrapperType || t.Alias == wrapperType)
            ?? throw ResourceException.Invalid(wrapperType is null
                ? $"expected a wrapped resource with a type of {string.Join(", ", collection.Select(t => t.Name))}"
                : $"type \"{wrapperType}\" is not one of {string.Join(", ", collection.Select(t => t.Name))}");
        return ApiBody.FromApiBody(type, body);
    }

    public static JsonNode Encode(IResource resource) => ApiBody.ToApiBody(resource);

    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        new JsonBytesResult(JsonText.WriteUtf8(node), statusCode);

    private static string? ReadWrapperType(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
        }
        catch (JsonException ex)
        {
            throw ResourceException.Invalid($"invalid JSON: {ex.Message}");
        }
    }
}
