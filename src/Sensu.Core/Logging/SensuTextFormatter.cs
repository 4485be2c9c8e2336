using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Sensu.Core.Logging;

/// <summary>
/// <c>--log-format text</c>: one line per entry for a human, <c>time level [component] msg key=value ... error="..."</c>;
/// an exception's stack, when the level shows it, follows on its own lines.
/// </summary>
public sealed class SensuTextFormatter(IOptionsMonitor<SensuLogFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "sensu-text";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception;
        if (string.IsNullOrEmpty(message) && exception is null)
            return;
        var settings = options.CurrentValue;
        var line = new StringBuilder(128)
            .Append(SensuLogFields.Time(settings.TimeProvider)).Append(' ')
            .Append(SensuLogFields.Level(logEntry.LogLevel).PadRight(7))
            .Append('[').Append(SensuLogFields.Component(logEntry.Category, settings.Program)).Append("] ")
            .Append(SensuLogFields.OneLine(message));
        foreach (var field in SensuLogFields.Structured(logEntry.State))
            line.Append(' ').Append(field.Key).Append('=').Append(Quote(Convert.ToString(field.Value, CultureInfo.InvariantCulture) ?? "null"));
        if (exception is not null)
            line.Append(" error=").Append(Quote(SensuLogFields.OneLine(exception.Message)));
        line.Append('\n');
        if (exception is not null && SensuLogFields.WithStack(logEntry.LogLevel, settings))
            line.Append(exception).Append('\n');
        textWriter.Write(line.ToString());
    }

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '=')
            ? value
            : "\"" + SensuLogFields.OneLine(value).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
