using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Sensu.Core.Configuration;

namespace Sensu.Core.Logging;

/// <summary>The console logging of <c>sensu-backend</c> and <c>sensu-agent</c>: Sensu's JSON lines or the text format.</summary>
public static class SensuLoggingBuilderExtensions
{
    /// <summary>
    /// Replaces every provider with the console, formatted as <paramref name="format"/> (<c>json</c> or <c>text</c>),
    /// at Sensu's <paramref name="level"/>; <paramref name="program"/> is the component of entries of no daemon.
    /// </summary>
    public static ILoggingBuilder AddSensuConsole(this ILoggingBuilder logging, string program, string format, string level)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var minimum = SensuLogLevels.FromSensu(level);
        logging.ClearProviders();
        logging.AddConsole(o => o.FormatterName = format == SensuLogFormat.Text ? SensuTextFormatter.Name : SensuJsonFormatter.Name);
        void Configure(SensuLogFormatterOptions o)
        {
            o.Program = program;
            o.StackAtEveryLevel = minimum <= LogLevel.Debug;
        }
        logging.AddConsoleFormatter<SensuJsonFormatter, SensuLogFormatterOptions>(Configure);
        logging.AddConsoleFormatter<SensuTextFormatter, SensuLogFormatterOptions>(Configure);
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft", SensuLogLevels.Framework(level));
        // A failed start is reported once, as one line, by StartupFailure; the host's own "Hosting failed to start"
        // (an error with the stack trace) is left out. A faulted daemon is still logged (critical, with its exception).
        logging.AddFilter(StartupFailure.HostCategory, LogLevel.Critical);
        return logging;
    }
}
