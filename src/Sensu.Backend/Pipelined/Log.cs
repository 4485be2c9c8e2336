using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipelined;

/// <summary>Pipelined (daemon) log messages, event ids 4009–4099 (the engine in Pipeline/ has 4000–4008). Never an environment, always scrubbed output.</summary>
internal static partial class Log
{
    [LoggerMessage(4009, LogLevel.Warning, "pipelined stopping: {Dropped} queued events were not handled")]
    public static partial void Dropped(ILogger logger, int dropped);

    [LoggerMessage(4010, LogLevel.Error, "cannot write to the event log file {Path}: {Reason}")]
    public static partial void EventLogFailed(ILogger logger, string path, string reason);

    [LoggerMessage(4011, LogLevel.Warning, "event log buffer full: {Dropped} events left out of the event log so far")]
    public static partial void EventLogDropped(ILogger logger, long dropped);

    [LoggerMessage(4012, LogLevel.Error, "unexpected error handling event {Key}")]
    public static partial void EventFailed(ILogger logger, string key, Exception exception);
}
