using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Keepalived;

/// <summary>Keepalived log messages, event ids 6000–6999.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Error, "error handling keepalive of {Entity}")]
    public static partial void KeepaliveFailed(ILogger logger, string entity, Exception exception);

    [LoggerMessage(6001, LogLevel.Information, "entity {Entity} registered")]
    public static partial void Registered(ILogger logger, string entity);

    [LoggerMessage(6002, LogLevel.Information, "keepalive timed out, creating keepalive event for entity {Entity} (status {Status})")]
    public static partial void TimedOut(ILogger logger, string entity, uint status);

    [LoggerMessage(6003, LogLevel.Information, "entity {Entity} deregistered")]
    public static partial void Deregistered(ILogger logger, string entity);

    [LoggerMessage(6004, LogLevel.Error, "error handling keepalive timeout of {Entity}")]
    public static partial void TimeoutFailed(ILogger logger, string entity, Exception exception);

    [LoggerMessage(6005, LogLevel.Information, "keepalived armed {Count} liveness switches from the store")]
    public static partial void Restored(ILogger logger, int count);

    [LoggerMessage(6006, LogLevel.Warning, "keepalive ignored: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(6007, LogLevel.Error, "keepalived could not arm switches from the store")]
    public static partial void RestoreFailed(ILogger logger, Exception exception);
}
