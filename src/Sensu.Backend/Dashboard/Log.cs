using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Dashboard;

/// <summary>Dashboard log messages, event ids 9000–9999.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "dashboard listener started on {Address}")]
    public static partial void ListenerStarted(ILogger logger, string address);

    [LoggerMessage(9001, LogLevel.Information, "dashboard sign-in by {User}")]
    public static partial void SignedIn(ILogger logger, string user);

    [LoggerMessage(9002, LogLevel.Information, "dashboard sign-out by {User}")]
    public static partial void SignedOut(ILogger logger, string user);

    [LoggerMessage(9003, LogLevel.Warning, "dashboard action {Action} on {Target} refused for {User}: not authorized")]
    public static partial void ActionRefused(ILogger logger, string action, string target, string user);

    [LoggerMessage(9004, LogLevel.Information, "dashboard action {Action} on {Target} by {User}")]
    public static partial void ActionDone(ILogger logger, string action, string target, string user);
}
