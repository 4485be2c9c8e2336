using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipeline.Assets;

/// <summary>Pipeline asset log messages, event ids 4400–4499.</summary>
internal static partial class Log
{
    [LoggerMessage(4400, LogLevel.Warning, "asset {Asset} of {Owner} has no build for this entity; not installed")]
    public static partial void NoMatchingBuild(ILogger logger, string asset, string owner);
}
