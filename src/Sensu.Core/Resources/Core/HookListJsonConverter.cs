using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// Reads and writes <see cref="HookList"/> as <c>{"&lt;type&gt;": ["hook", …]}</c>. Like Sensu, when an object has
/// several keys the last one wins; <c>null</c> hook arrays read as empty.
/// </summary>
public sealed class HookListJsonConverter : JsonConverter<HookList>
{
    public override HookList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("check hook must be an object of the form {\"<type>\": [\"<hook>\"]}");
        var result = new HookList();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                throw new JsonException("expected a check hook type");
            var type = reader.GetString() ?? "";
            reader.Read();
            result.Type = type;
            result.Hooks = ReadNames(ref reader);
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, HookList value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Type ?? "");
        writer.WriteStartArray();
        foreach (var hook in value.Hooks ?? [])
            writer.WriteStringValue(hook);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<string> ReadNames(ref Utf8JsonReader reader)
    {
        var names = new List<string>();
        if (reader.TokenType == JsonTokenType.Null)
            return names;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("check hook names must be an array of strings");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException("check hook names must be strings");
            names.Add(reader.GetString()!);
        }
        return names;
    }
}
