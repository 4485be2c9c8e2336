using Microsoft.Extensions.Logging;

namespace Sensu.Agent.Connection;

/// <summary>Backend connection log messages (agent 9000s).</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "connected to backend {Url}")]
    public static partial void Connected(ILogger logger, string url);

    [LoggerMessage(9001, LogLevel.Error, "could not connect to backend {Url} (status {Status}): {Reason}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string url, int? status, string reason, TimeSpan delay);

    [LoggerMessage(9002, LogLevel.Warning, "connection to backend {Url} lost: {Reason}; reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, string url, string reason, TimeSpan delay);

    [LoggerMessage(9003, LogLevel.Warning, "could not decode a {Type} message from the backend")]
    public static partial void BadMessage(ILogger logger, Exception exception, string type);

    [LoggerMessage(9004, LogLevel.Debug, "ignoring a message of unknown type {Type}")]
    public static partial void UnknownMessage(ILogger logger, string type);

    [LoggerMessage(9005, LogLevel.Debug, "sent {Type} message")]
    public static partial void Sent(ILogger logger, string type);

    [LoggerMessage(9006, LogLevel.Information, "closing the backend connection: agent stopping")]
    public static partial void Closing(ILogger logger);

    [LoggerMessage(9007, LogLevel.Information, "applied the entity configuration sent by the backend (subscriptions: {Subscriptions})")]
    public static partial void EntityConfigApplied(ILogger logger, string subscriptions);

    [LoggerMessage(9008, LogLevel.Debug, "ignoring the backend's entity configuration: this agent manages its own entity")]
    public static partial void EntityConfigIgnored(ILogger logger);
}
