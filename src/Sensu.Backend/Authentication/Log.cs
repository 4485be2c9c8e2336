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

    [LoggerMessage(1105, LogLevel.Debug, "bearer token rejected ({Reason}) for {Path}")]
    public static partial void BearerRejected(ILogger logger, string path, string reason);

    [LoggerMessage(1106, LogLevel.Information, "API key rejected for {Path}")]
    public static partial void ApiKeyRejected(ILogger logger, string path);

    [LoggerMessage(1107, LogLevel.Information, "password of user {Username} changed")]
    public static partial void PasswordChanged(ILogger logger, string username);

    [LoggerMessage(1108, LogLevel.Information, "API key created for user {Username}")]
    public static partial void ApiKeyCreated(ILogger logger, string username);
}
