using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Caching;

/// <summary>Log messages of the watcher-fed caches (Store range, 8100s).</summary>
internal static partial class CacheLog
{
    [LoggerMessage(8100, LogLevel.Debug, "cache of {Type} loaded: {Count} resources")]
    public static partial void Loaded(ILogger logger, string type, int count);

    [LoggerMessage(8101, LogLevel.Warning, "cache of {Type} fell behind the change feed; reloading")]
    public static partial void Lagged(ILogger logger, string type, Exception exception);

    [LoggerMessage(8102, LogLevel.Error, "cache of {Type} could not read the store; retrying")]
    public static partial void Failed(ILogger logger, string type, Exception exception);

    [LoggerMessage(8103, LogLevel.Warning, "stored resource {Key} cannot be decoded; left out of the cache")]
    public static partial void Undecodable(ILogger logger, string key, Exception exception);
}
