using Microsoft.Extensions.Logging;

namespace Sensu.Core.Configuration;

/// <summary>Sensu's log level names (<c>--log-level</c> of both programs) mapped onto .NET's.</summary>
public static class SensuLogLevels
{
    /// <summary>The names <c>--log-level</c> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"];

    public static LogLevel FromSensu(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "info" => LogLevel.Information,
            "warn" or "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }

    /// <summary>The framework's own chatter stays at warning unless the operator asks for debug or trace.</summary>
    public static LogLevel Framework(string level)
    {
        var ours = FromSensu(level);
        return ours < LogLevel.Information ? ours : LogLevel.Warning;
    }
}
