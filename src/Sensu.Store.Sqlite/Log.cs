using Microsoft.Extensions.Logging;

namespace Sensu.Store.Sqlite;

/// <summary>The embedded store's log messages (Store event ids: 8000s).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "store opened: {Path} (schema version {Version}, WAL)")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "store schema of {Path} migrated from version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string path, int from, int to);
}
