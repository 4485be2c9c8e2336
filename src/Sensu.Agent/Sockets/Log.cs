using Microsoft.Extensions.Logging;

namespace Sensu.Agent.Sockets;

/// <summary>Socket log messages (agent 9300s).</summary>
internal static partial class Log
{
    [LoggerMessage(9300, LogLevel.Information, "agent socket listening on {Address} (tcp and udp)")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(9301, LogLevel.Warning, "agent socket refused a check result: {Reason}")]
    public static partial void Invalid(ILogger logger, string reason);

    [LoggerMessage(9302, LogLevel.Debug, "agent socket connection ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, string reason);
}
