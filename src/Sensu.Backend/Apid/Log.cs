using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Apid;

/// <summary>Apid log messages: authentication at the API, event ids 1105–1108 (kept from Authentication).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "API listener started on {Address}")]
    public static partial void ListenerStarted(ILogger logger, string address);

    [LoggerMessage(1105, LogLevel.Debug, "bearer token rejected ({Reason}) for {Path}")]
    public static partial void BearerRejected(ILogger logger, string path, string reason);

    [LoggerMessage(1106, LogLevel.Information, "API key rejected for {Path}")]
    public static partial void ApiKeyRejected(ILogger logger, string path);

    [LoggerMessage(1107, LogLevel.Information, "password of user {Username} changed")]
    public static partial void PasswordChanged(ILogger logger, string username);

    [LoggerMessage(1108, LogLevel.Information, "API key created for user {Username}")]
    public static partial void ApiKeyCreated(ILogger logger, string username);
}
