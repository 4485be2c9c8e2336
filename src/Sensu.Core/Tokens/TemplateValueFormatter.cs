using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>Prints values the way Go's <c>fmt.Print</c> prints decoded JSON (strings bare, <c>[a b]</c>, <c>map[k:v]</c>).</summary>
internal static class TemplateValueFormatter
{
    public const string NoValue = "<no value>";

    public static string Print(TemplateValue value) => value.IsNil ? NoValue : Format(value.Node, top: true);

    public static string GoTypeName(JsonNode? node) => node switch
    {
        null => "interface {}",
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "float64",
        },
        _ => "interface {}",
    };

    private static string Format(JsonNode? node, bool top)
    {
        switch (node)
        {
            case null:
                return top ? NoValue : "<nil>";
            case JsonObject obj:
                var map = new StringBuilder("map[");
                var first = true;
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                        map.Append(' ');
                    first = false;
                    map.Append(key).Append(':').Append(Format(child, top: false));
                }
                return map.Append(']').ToString();
            case JsonArray array:
                return "[" + string.Join(' ', array.Select(item => Format(item, top: false))) + "]";
            case JsonValue value:
                return FormatScalar(value);
            default:
                return node.ToJsonString();
        }
    }

    private static string FormatScalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var whole))
                    return whole.ToString(CultureInfo.InvariantCulture);
                if (value.TryGetValue<ulong>(out var big))
                    return big.ToString(CultureInfo.InvariantCulture);
                if (value.TryGetValue<double>(out var real))
                    return FormatDouble(real);
                var text = value.ToJsonString();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? FormatDouble(parsed)
                    : text;
            default:
                return value.ToJsonString();
        }
    }

    private static string FormatDouble(double real)
    {
        if (real == Math.Floor(real) && Math.Abs(real) < 1e21)
            return real.ToString("0", CultureInfo.InvariantCulture);
        var text = real.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }
}
