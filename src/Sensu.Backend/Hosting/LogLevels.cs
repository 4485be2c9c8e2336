using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Hosting;

/// <summary>Sensu's log level names mapped onto .NET's.</summary>
public static class LogLevels
{
    public static LogLevel FromSensu(string level) => level.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    /// <summary>The framework's own chatter stays at warning unless the operator asks for debug or trace.</summary>
    public static LogLevel Framework(string level)
    {
        var ours = FromSensu(level);
        return ours < LogLevel.Information ? ours : LogLevel.Warning;
    }
}
