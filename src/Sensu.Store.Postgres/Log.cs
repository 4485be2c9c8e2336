using Microsoft.Extensions.Logging;

namespace Sensu.Store.Postgres;

/// <summary>The PostgreSQL store's log messages (Store event ids: 8000s; this provider 8100-8199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "store opened: PostgreSQL {Server} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string server, int version);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "store schema of PostgreSQL {Server} migrated from version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string server, int from, int to);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "change feed listener lost its connection ({Reason}); reconnecting, resuming after revision {Revision}")]
    public static partial void ListenerLost(ILogger logger, string reason, long revision);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "change feed missed changes pruned up to revision {Pruned} (last read {Revision}); watchers are dropped and re-list")]
    public static partial void ChangesLost(ILogger logger, long pruned, long revision);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning, Message = "pruning old changes failed: {Reason}")]
    public static partial void PruneFailed(ILogger logger, string reason);
}
