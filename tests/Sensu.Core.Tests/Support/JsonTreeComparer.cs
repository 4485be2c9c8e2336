using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Core.Tests.Support;

/// <summary>
/// Compares an expected JSON tree (e.g. a docs example) with what our encoder wrote. Everything in the expected
/// tree must be present and equal (numbers compared by value); keys the encoder adds are ignored when their value
/// is empty or a default (<c>null</c>, <c>""</c>, <c>0</c>, <c>false</c>, <c>[]</c>, <c>{}</c>, or an object of such),
/// and so are expected keys holding such a value that the encoder left out.
/// </summary>
internal static class JsonTreeComparer
{
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    public static bool IsEmptyOrDefault(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.All(p => IsEmptyOrDefault(p.Value)),
        JsonArray array => array.Count == 0,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>().Length == 0,
            JsonValueKind.False or JsonValueKind.Null => true,
            JsonValueKind.Number => Number(node) == 0,
            _ => false,
        },
    };

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (IsEmptyOrDefault(expected) && IsEmptyOrDefault(actual))
            return;
        switch (expected)
        {
            case JsonObject expectedObj when actual is JsonObject actualObj:
                foreach (var (key, value) in expectedObj)
                    Compare(value, actualObj[key], $"{path}.{key}", differences);
                foreach (var (key, value) in actualObj)
                {
                    if (!expectedObj.ContainsKey(key) && !IsEmptyOrDefault(value))
                        differences.Add($"{path}.{key}: not in the example, encoder wrote {Show(value)}");
                }
                break;
            case JsonArray expectedArray when actual is JsonArray actualArray && expectedArray.Count == actualArray.Count:
                for (var i = 0; i < expectedArray.Count; i++)
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", differences);
                break;
            default:
                if (!ScalarEquals(expected, actual))
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                break;
        }
    }

    private static bool ScalarEquals(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null;
        var kind = expected.GetValueKind();
        if (kind != actual.GetValueKind() || kind is JsonValueKind.Object or JsonValueKind.Array)
            return false;
        return kind switch
        {
            JsonValueKind.Number => Number(expected) == Number(actual),
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            _ => true,
        };
    }

    private static decimal Number(JsonNode node) =>
        decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : decimal.MinValue;

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "nothing" : node.ToJsonString();
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
