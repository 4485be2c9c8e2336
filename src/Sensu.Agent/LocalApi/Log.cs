using Microsoft.Extensions.Logging;

namespace Sensu.Agent.LocalApi;

/// <summary>Local HTTP API log messages (agent 9200s).</summary>
internal static partial class Log
{
    [LoggerMessage(9200, LogLevel.Information, "agent API listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(9201, LogLevel.Warning, "agent API refused an event: {Reason}")]
    public static partial void EventRefused(ILogger logger, string reason);
}
