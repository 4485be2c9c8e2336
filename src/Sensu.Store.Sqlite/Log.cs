using Microsoft.Extensions.Logging;

namespace Sensu.Store.Sqlite;

/// <summary>The embedded store's log messages (Store event ids: 8000s).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "store opened: {Path} (schema version {Version}, WAL)")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "store schema of {Path} migrated from version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "state {Kind} {Path} was open to group or others (mode {Mode}); changed to {NewMode}: the state holds signing keys, password hashes and tokens")]
    public static partial void StatePathNarrowed(ILogger logger, string kind, string path, string mode, string newMode);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "store refuses writes ({Condition}): {Reason}")]
    public static partial void WritesRefused(ILogger logger, string condition, string reason);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "store accepts writes again (was {Condition})")]
    public static partial void WritesRecovered(ILogger logger, string condition);
}
