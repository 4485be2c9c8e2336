using Microsoft.Extensions.Logging;
using Sensu.Execution.Assets;

namespace Sensu.Backend.Hosting;

/// <summary>
/// At start: the asset cache under <c>--cache-dir</c> is made private (directories 0700, files without group or
/// other bits), with a warning naming each path that was open to others.
/// </summary>
public static partial class CacheDirectoryPermissions
{
    public static void Secure(string cacheDirectory, ILogger logger)
    {
        foreach (var (path, was, now) in AssetCachePermissions.Secure(cacheDirectory))
            LogNarrowed(logger, path, Octal(was), Octal(now));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "cache path {Path} was open to group or others (mode {Mode}); changed to {NewMode}")]
    private static partial void LogNarrowed(ILogger logger, string path, string mode, string newMode);
}
