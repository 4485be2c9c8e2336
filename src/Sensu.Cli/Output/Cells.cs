using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Cli.Output;

/// <summary>Small readers that turn JSON values into table cells.</summary>
public static class Cells
{
    public static JsonNode? At(JsonObject view, string path)
    {
        JsonNode? node = view;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
            if (node is null)
                return null;
        }
        return node;
    }

    public static string Text(JsonObject view, string path) => Scalar(At(view, path));

    public static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        JsonArray array => string.Join(",", array.Select(Scalar)),
        _ => node.ToJsonString(),
    };

    public static string List(JsonObject view, string path) => At(view, path) is JsonArray array ? string.Join(",", array.Select(Scalar)) : Text(view, path);

    public static string Bool(JsonObject view, string path) =>
        At(view, path) is JsonValue value && value.GetValueKind() == JsonValueKind.True ? "true" : "false";

    /// <summary>A number, or empty when it is 0 or absent (as Sensu leaves unset TTLs and timeouts blank).</summary>
    public static string NonZero(JsonObject view, string path)
    {
        var text = Text(view, path);
        return text is "0" or "" ? "" : text;
    }

    /// <summary>Unix seconds as a readable UTC time; empty for 0.</summary>
    public static string Time(JsonObject view, string path)
    {
        if (At(view, path) is not JsonValue value || !value.TryGetValue<long>(out var seconds) || seconds <= 0)
            return "";
        return DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary>Names inside a list of objects, e.g. <c>rules</c> or <c>workflows</c>.</summary>
    public static string Names(JsonObject view, string path, string field) =>
        At(view, path) is JsonArray array ? string.Join(",", array.Select(n => n is JsonObject o ? Scalar(At(o, field)) : Scalar(n))) : "";
}
