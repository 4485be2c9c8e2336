using Microsoft.Extensions.Logging;

namespace Sensu.Agent.Checks;

/// <summary>Check execution log messages (agent 9100s).</summary>
internal static partial class Log
{
    [LoggerMessage(9100, LogLevel.Warning, "check {Check} failed before running: {Reason}")]
    public static partial void CheckFailed(ILogger logger, string check, string reason);

    [LoggerMessage(9101, LogLevel.Warning, "check {Check}: command {Command} refused by the allow list")]
    public static partial void CommandNotAllowed(ILogger logger, string check, string command);

    [LoggerMessage(9102, LogLevel.Warning, "asset {Asset} was requested but not sent with the check request")]
    public static partial void AssetMissing(ILogger logger, string asset);

    [LoggerMessage(9103, LogLevel.Warning, "asset {Asset} has no build matching this entity; not installed")]
    public static partial void AssetNotApplicable(ILogger logger, string asset);

    [LoggerMessage(9104, LogLevel.Information, "check request for {Check} dropped: {Reason}")]
    public static partial void RequestDropped(ILogger logger, string check, string reason);

    [LoggerMessage(9105, LogLevel.Debug, "check {Check} executed with status {Status}")]
    public static partial void CheckExecuted(ILogger logger, string check, uint status);

    [LoggerMessage(9106, LogLevel.Error, "check {Check} could not be executed")]
    public static partial void CheckCrashed(ILogger logger, Exception exception, string check);
}
