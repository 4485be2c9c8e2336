using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Authentication;

/// <summary>Authentication log messages, event ids 1100–1199.</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "created a new JWT signing key")]
    public static partial void SigningKeyCreated(ILogger logger);

    [LoggerMessage(1101, LogLevel.Debug, "user {Username} logged in")]
    public static partial void LoggedIn(ILogger logger, string username);

    [LoggerMessage(1102, LogLevel.Warning, "invalid username and/or password for user {Username}")]
    public static partial void LoginFailed(ILogger logger, string username);

    [LoggerMessage(1103, LogLevel.Information, "token refresh refused: {Reason}")]
    public static partial void RefreshRefused(ILogger logger, string reason);

    [LoggerMessage(1104, LogLevel.Debug, "user {Username} logged out")]
    public static partial void LoggedOut(ILogger logger, string username);

    [LoggerMessage(1109, LogLevel.Warning, "login of user {Username} from {Address} throttled for {RetryAfter} after repeated failures")]
    public static partial void LoginThrottled(ILogger logger, string username, string address, TimeSpan retryAfter);

    [LoggerMessage(1110, LogLevel.Warning, "login of user {Username} refused: every password check worker is busy")]
    public static partial void LoginBusy(ILogger logger, string username);

    [LoggerMessage(1111, LogLevel.Warning, "a refresh token of user {Username} was used twice; its session is ended")]
    public static partial void RefreshReused(ILogger logger, string username);

    [LoggerMessage(1112, LogLevel.Warning, "session store {Operation} of {Session} failed; this backend's view stays authoritative")]
    public static partial void SessionStoreFailed(ILogger logger, string operation, string session, Exception exception);

    [LoggerMessage(1113, LogLevel.Debug, "authentication view loaded: {Users} users, {ApiKeys} API keys, {Sessions} sessions")]
    public static partial void ViewLoaded(ILogger logger, int users, int apiKeys, int sessions);

    [LoggerMessage(1114, LogLevel.Warning, "authentication view fell behind the change feed; reloading")]
    public static partial void ViewLagged(ILogger logger, Exception exception);

    [LoggerMessage(1115, LogLevel.Error, "authentication view could not read the store; retrying")]
    public static partial void ViewFailed(ILogger logger, Exception exception);

    [LoggerMessage(1116, LogLevel.Warning, "stored resource {Key} cannot be decoded; treated as absent")]
    public static partial void Undecodable(ILogger logger, string key, Exception exception);

    [LoggerMessage(1117, LogLevel.Information, "{Count} sessions of user {Username} ended (new password, disabled or deleted)")]
    public static partial void SessionsRevoked(ILogger logger, string username, int count);
}
