using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Secrets log messages (event ids 7000–7099; the Vault client in <c>Vault/</c> uses 7100s). No message takes a
/// secret value: they name providers, secrets, ids and causes only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "secrets provider {Provider} ({Type}) ready")]
    public static partial void ProviderBuilt(ILogger logger, string provider, string type);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "secrets provider {Provider} ({Type}) cannot be built, every lookup through it will fail: {Cause}")]
    public static partial void ProviderBroken(ILogger logger, string provider, string type, string cause);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "secrets provider {Provider} removed")]
    public static partial void ProviderRemoved(ILogger logger, string provider);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "secrets provider {Provider} could not be disposed")]
    public static partial void ProviderDisposeFailed(ILogger logger, string provider, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "secrets watcher fell behind the change feed; listing providers and secrets again")]
    public static partial void WatchLagged(ILogger logger);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "secrets watcher failed; retrying in {Delay}")]
    public static partial void WatchFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "secrets watcher synchronised: {Providers} providers, {Secrets} secrets")]
    public static partial void Synchronised(ILogger logger, int providers, int secrets);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "secret {Secret} in namespace {Namespace} for {Consumer} resolved from provider {Provider} (outcome {Outcome})")]
    public static partial void SecretResolved(ILogger logger, string @namespace, string secret, string consumer, string provider, string outcome);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "unable to retrieve secret from provider: secret {Secret} in namespace {Namespace} for {Consumer}, provider {Provider} (outcome {Outcome}): {Reason}")]
    public static partial void SecretFailed(ILogger logger, string @namespace, string secret, string consumer, string provider, string outcome, string reason);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "secret {Secret} in namespace {Namespace} for {Consumer} from provider {Provider} is empty (outcome empty); no environment variable is set for it")]
    public static partial void SecretEmpty(ILogger logger, string @namespace, string secret, string consumer, string provider);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "secret {Secret} in namespace {Namespace} is shorter than {Minimum} characters and cannot be redacted from output by value")]
    public static partial void SecretTooShort(ILogger logger, string @namespace, string secret, int minimum);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Debug, Message = "secrets backend event (status {Status}) published: {Output}")]
    public static partial void HealthEventPublished(ILogger logger, uint status, string output);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "secrets backend event (status {Status}) could not be published")]
    public static partial void HealthEventFailed(ILogger logger, uint status, Exception exception);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Warning, Message = "secrets backend event (status {Status}) dropped: too many reports waiting")]
    public static partial void HealthEventDropped(ILogger logger, uint status);

}
