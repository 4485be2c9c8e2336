using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Testing;

/// <summary>
/// "Equivalent resource" for conformance: every non-empty value the expected JSON holds must be in the actual
/// JSON, equal (numbers by value); keys the server adds, and empty/null expected values, are ignored.
/// </summary>
public static class JsonSubset
{
    /// <summary>Returns the differences as <c>path: expected X, got Y</c> lines; empty when equivalent.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, IReadOnlySet<string>? ignoredPaths = null)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", ignoredPaths ?? new HashSet<string>(), differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, IReadOnlySet<string> ignored, List<string> differences)
    {
        if (ignored.Contains(path) || IsEmpty(expected))
            return;
        switch (expected)
        {
            case JsonObject eo:
                if (actual is not JsonObject ao)
                {
                    differences.Add($"{path}: expected an object, got {Show(actual)}");
                    return;
                }
                foreach (var (key, value) in eo)
                    Compare(value, ao[key], path.Length == 0 ? key : $"{path}.{key}", ignored, differences);
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                    return;
                }
                for (var i = 0; i < ea.Count; i++)
                    Compare(ea[i], aa[i], $"{path}[{i}]", ignored, differences);
                return;
            default:
                if (!ScalarEquals(expected!.AsValue(), actual))
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0,
        _ => false,
    };

    private static bool ScalarEquals(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue av)
            return false;
        var ek = expected.GetValueKind();
        var ak = av.GetValueKind();
        if (ek == JsonValueKind.Number && ak == JsonValueKind.Number)
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(av.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return expected.ToJsonString() == av.ToJsonString();
    }

    private static string Show(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
