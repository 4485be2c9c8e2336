using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// Reads a duration written as a Go duration string (<c>"20s"</c>) or as a number of seconds (<c>20</c>);
/// always writes Go's form (<c>"20s"</c>, <c>"1m0s"</c>).
/// </summary>
public sealed class GoDurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var seconds = reader.GetDouble();
                if (double.IsNaN(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
                    throw new JsonException($"duration out of range: {seconds}");
                return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            case JsonTokenType.String:
                var text = reader.GetString() ?? "";
                if (text.Length == 0)
                    return TimeSpan.Zero;
                try
                {
                    return GoDuration.Parse(text);
                }
                catch (FormatException ex)
                {
                    throw new JsonException(ex.Message, ex);
                }
            default:
                throw new JsonException($"a duration must be a string like \"20s\" or a number of seconds, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GoDuration.Format(value));
}
