using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Sensu.Core.Logging;

/// <summary>
/// Writes each entry as one JSON object on one line, as Sensu does: <c>component</c>, <c>level</c>, <c>msg</c>,
/// <c>time</c>, the message's named values as top-level keys and <c>error</c> for an exception's message.
/// </summary>
public sealed class SensuJsonFormatter(IOptionsMonitor<SensuLogFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "sensu-json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception;
        if (string.IsNullOrEmpty(message) && exception is null)
            return;
        var settings = options.CurrentValue;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("component", SensuLogFields.Component(logEntry.Category, settings.Program));
            if (exception is not null)
                json.WriteString("error", SensuLogFields.OneLine(exception.Message));
            foreach (var field in SensuLogFields.Structured(logEntry.State))
                WriteValue(json, field.Key, field.Value);
            json.WriteString("level", SensuLogFields.Level(logEntry.LogLevel));
            json.WriteString("msg", message);
            if (exception is not null && SensuLogFields.WithStack(logEntry.LogLevel, settings))
                json.WriteString("stack", exception.ToString());
            json.WriteString("time", SensuLogFields.Time(settings.TimeProvider));
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumber(key, u);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(key, d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(key, f);
                break;
            case decimal m:
                json.WriteNumber(key, m);
                break;
            case DateTimeOffset t:
                json.WriteString(key, t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                break;
            case IEnumerable<string> list:
                json.WriteStartArray(key);
                foreach (var item in list)
                    json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
