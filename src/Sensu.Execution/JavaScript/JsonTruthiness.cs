using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Execution.JavaScript;

/// <summary>JavaScript's <c>ToBoolean</c> applied to a JSON value: null, false, 0, NaN and "" are false; everything else is true.</summary>
public static class JsonTruthiness
{
    public static bool Of(JsonNode? value)
    {
        if (value is not JsonValue scalar)
            return value is not null;
        return scalar.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.True => true,
            JsonValueKind.String => scalar.GetValue<string>().Length > 0,
            JsonValueKind.Number => !double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != 0,
            _ => true,
        };
    }
}
