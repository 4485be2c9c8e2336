using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Json;

/// <summary>
/// For a string property that the code keeps as <c>null</c> when unset but that Go writes as <c>""</c> (a string
/// field without <c>omitempty</c>): writes <c>null</c> as <c>""</c>, reads <c>""</c> and <c>null</c> as <c>null</c>.
/// Pair it with <c>[JsonIgnore(Condition = JsonIgnoreCondition.Never)]</c> so a null value reaches the converter.
/// </summary>
public sealed class EmptyWhenNullStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a string, not {reader.TokenType}");
        return reader.GetString() is { Length: > 0 } value ? value : null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value ?? "");
}
