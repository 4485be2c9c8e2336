using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// Moves values between System.Text.Json trees and the engine. Into the engine the already-parsed <see cref="JsonNode"/>
/// tree is mapped node by node to plain JS objects and arrays (about three times cheaper than writing it out and
/// running Jint's <c>JsonParser</c> over the text, which matters at thousands of events per second); nothing is
/// parsed here. Objects are mapped lazily (<see cref="LazyJsonObject"/>): only those a script touches are filled.
/// Elements of a parsed document are mapped the same way without a node tree (<see cref="LazyJsonElementObject"/>). Out of the engine values go through Jint's own <c>JsonSerializer</c> (JSON.stringify semantics)
/// and <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>.
/// </summary>
internal static class JsonNodeConverter
{
    private const int MaxDepth = 128;

    public static JsValue ToJsValue(Engine engine, JsonNode? node, bool liftMetadata = false) => Convert(engine, node, 0, liftMetadata);

    public static JsValue ToJsValue(Engine engine, JsonElement element, bool liftMetadata = false) => ConvertElement(engine, element, 0, liftMetadata);

    /// <summary>The value as JSON; null for <c>undefined</c>, <c>null</c> and values JSON cannot represent (functions, symbols).</summary>
    public static JsonNode? ToJsonNode(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
            return null;
        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text is JsString json ? JsonNode.Parse(json.ToString()) : null;
    }

    internal static JsValue Convert(Engine engine, JsonNode? node, int depth, bool liftMetadata)
    {
        if (depth > MaxDepth)
            throw new JavaScriptEvaluationException($"a global is nested deeper than {MaxDepth} levels");
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                return new LazyJsonObject(engine, obj, depth, liftMetadata);
            case JsonArray array:
            {
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = Convert(engine, array[i], depth + 1, liftMetadata);
                return new JsArray(engine, items);
            }
            case JsonValue value:
                return Scalar(value);
            default:
                return JsValue.Undefined;
        }
    }

    /// <summary>An element of a parsed document: objects read lazily from it (<see cref="LazyJsonElementObject"/>), arrays item by item.</summary>
    internal static JsValue ConvertElement(Engine engine, JsonElement element, int depth, bool liftMetadata)
    {
        if (depth > MaxDepth)
            throw new JavaScriptEvaluationException($"a global is nested deeper than {MaxDepth} levels");
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return new LazyJsonElementObject(engine, element, depth, liftMetadata);
            case JsonValueKind.Array:
            {
                var items = new JsValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    items[i++] = ConvertElement(engine, item, depth + 1, liftMetadata);
                return new JsArray(engine, items);
            }
            case JsonValueKind.String:
                return new JsString(element.GetString()!);
            case JsonValueKind.Number:
                return new JsNumber(element.TryGetDouble(out var number) ? number : double.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Null:
                return JsValue.Null;
            default:
                return JsValue.Undefined;
        }
    }

    private static JsValue Scalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new JsString(value.GetValue<string>());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Number:
                return new JsNumber(Number(value));
            default:
                return JsValue.Null;
        }
    }

    private static double Number(JsonValue value)
    {
        // Values parsed from text hold a JsonElement (any numeric TryGetValue works); values built from CLR numbers
        // only convert to their own type, so try the usual ones.
        if (value.TryGetValue<double>(out var d)) return d;
        if (value.TryGetValue<long>(out var l)) return l;
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<uint>(out var ui)) return ui;
        if (value.TryGetValue<ulong>(out var ul)) return ul;
        if (value.TryGetValue<decimal>(out var m)) return (double)m;
        if (value.TryGetValue<float>(out var f)) return f;
        if (value.TryGetValue<short>(out var s)) return s;
        if (value.TryGetValue<byte>(out var b)) return b;
        return double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
