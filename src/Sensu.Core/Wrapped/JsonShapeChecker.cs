using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Walks a JSON tree alongside the source-generated contract of the type it will be deserialized into:
/// a value of the wrong JSON kind is an error with its path (<c>spec.interval: expected a number, got a string</c>);
/// keys the type does not know are collected as warnings (Sensu ignores them with a warning).
/// Properties with custom converters or polymorphism are left to the serializer.
/// </summary>
internal static class JsonShapeChecker
{
    private const int MaxDepth = 64;

    /// <summary>Checks <paramref name="node"/>; throws <see cref="WrappedFormatException"/> on a kind mismatch.</summary>
    public static void Check(JsonNode? node, JsonTypeInfo info, string path, List<string> warnings) =>
        Walk(node, info, path, warnings, 0);

    /// <summary>Removes object members whose value is null, recursively: Go leaves such fields at their zero value.</summary>
    public static void StripNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                    obj.Remove(key);
                foreach (var (_, value) in obj)
                    StripNulls(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    StripNulls(item);
                break;
        }
    }

    private static void Walk(JsonNode? node, JsonTypeInfo info, string path, List<string> warnings, int depth)
    {
        if (node is null || depth > MaxDepth || info.PolymorphismOptions is not null)
            return;
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                WalkObject(node, info, path, warnings, depth);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                    throw Mismatch(path, "an array", node);
                if (info.ElementType is null)
                    return;
                var elementInfo = InfoFor(info, info.ElementType);
                if (elementInfo is null)
                    return;
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], elementInfo, $"{path}[{i}]", warnings, depth + 1);
                break;
            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                    throw Mismatch(path, "an object", node);
                if (info.ElementType is null)
                    return;
                var valueInfo = InfoFor(info, info.ElementType);
                if (valueInfo is null)
                    return;
                foreach (var (key, value) in map)
                    Walk(value, valueInfo, Join(path, key), warnings, depth + 1);
                break;
            default:
                CheckScalar(node, info.Type, path);
                break;
        }
    }

    private static void WalkObject(JsonNode node, JsonTypeInfo info, string path, List<string> warnings, int depth)
    {
        if (node is not JsonObject obj)
            throw Mismatch(path, "an object", node);
        var hasExtensionData = false;
        var properties = new Dictionary<string, JsonPropertyInfo>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
                hasExtensionData = true;
            else
                properties.TryAdd(property.Name, property);
        }
        foreach (var (key, value) in obj)
        {
            var childPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                if (!hasExtensionData)
                    warnings.Add($"{childPath}: unknown field, ignored");
                continue;
            }
            // NullWhenEmptyConverter only changes how an empty collection is written: the shape inside is the usual one.
            if (property.CustomConverter is not null && !Json.NullWhenEmptyConverter.Is(property.CustomConverter) || property.Set is null && !IsPopulatable(property))
                continue;
            var propertyInfo = InfoFor(info, property.PropertyType);
            if (propertyInfo is not null)
                Walk(value, propertyInfo, childPath, warnings, depth + 1);
        }
    }

    private static JsonTypeInfo? InfoFor(JsonTypeInfo parent, Type type) =>
        parent.Options.TryGetTypeInfo(type, out var info) ? info : null;

    private static bool IsPopulatable(JsonPropertyInfo property) =>
        property.ObjectCreationHandling == System.Text.Json.Serialization.JsonObjectCreationHandling.Populate;

    private static void CheckScalar(JsonNode node, Type type, string path)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var kind = node.GetValueKind();
        if (target == typeof(string))
        {
            if (kind != JsonValueKind.String)
                throw Mismatch(path, "a string", node);
        }
        else if (target == typeof(bool))
        {
            if (kind is not (JsonValueKind.True or JsonValueKind.False))
                throw Mismatch(path, "true or false", node);
        }
        else if (IsNumber(target))
        {
            if (kind != JsonValueKind.Number)
                throw Mismatch(path, "a number", node);
        }
    }

    private static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(uint) || t == typeof(ulong) || t == typeof(short)
        || t == typeof(ushort) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(double) || t == typeof(float)
        || t == typeof(decimal);

    private static WrappedFormatException Mismatch(string path, string expected, JsonNode node) =>
        new($"expected {expected}, got {Describe(node.GetValueKind())}", path: path);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Join(string path, string key) => string.IsNullOrEmpty(path) ? key : $"{path}.{key}";
}
