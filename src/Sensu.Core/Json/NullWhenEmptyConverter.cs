using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sensu.Core.Json;

/// <summary>
/// Writes an empty list or map as <c>null</c>, as Go's encoding/json writes a nil slice or map whose field has no
/// <c>omitempty</c> (Sensu's stores hand back empty collections as nil). Reading is the usual one; the owning type
/// turns a <c>null</c> back into an empty collection after reading.
/// </summary>
public sealed class NullWhenEmptyConverter : JsonConverterFactory
{
    /// <summary>Whether <paramref name="converter"/> is this factory or one it made.</summary>
    public static bool Is(JsonConverter converter) =>
        converter is NullWhenEmptyConverter || converter.GetType().DeclaringType == typeof(NullWhenEmptyConverter);

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && (typeToConvert.GetGenericTypeDefinition() == typeof(List<>) || typeToConvert.GetGenericTypeDefinition() == typeof(Dictionary<,>));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), info)!;
    }

    private sealed class Converter<T>(JsonTypeInfo info) : JsonConverter<T>
        where T : class, System.Collections.ICollection
    {
        private readonly JsonTypeInfo<T> _info = (JsonTypeInfo<T>)info;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, _info);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value.Count == 0)
                writer.WriteNullValue();
            else
                JsonSerializer.Serialize(writer, value, _info);
        }
    }
}
