using Microsoft.Extensions.Logging;

namespace Sensu.Agent.Hosting;

/// <summary>Sensu's log level names mapped onto .NET's.</summary>
internal static class AgentLogLevels
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

    /// <summary>The framework's own chatter stays at warning unless debug or trace is asked for.</summary>
    public static LogLevel Framework(string level)
    {
        var ours = FromSensu(level);
        return ours < LogLevel.Information ? ours : LogLevel.Warning;
    }
}
