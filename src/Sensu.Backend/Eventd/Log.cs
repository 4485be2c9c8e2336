using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Eventd;

/// <summary>Eventd log messages, event ids 3000–3999.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Error, "error processing event {Key}")]
    public static partial void EventFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(3001, LogLevel.Information, "silence {Name} in namespace {Namespace} expired on resolution of {Key}")]
    public static partial void SilenceExpiredOnResolve(ILogger logger, string name, string @namespace, string key);

    [LoggerMessage(3002, LogLevel.Error, "error handing event {Key} to the pipeline")]
    public static partial void PipelineFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(3003, LogLevel.Information, "eventd stopping: draining {Queued} queued events")]
    public static partial void Draining(ILogger logger, int queued);

    [LoggerMessage(3004, LogLevel.Warning, "eventd stop deadline passed: {Dropped} queued events were not processed")]
    public static partial void DrainAborted(ILogger logger, int dropped);

    [LoggerMessage(3005, LogLevel.Debug, "eventd created proxy entity {Entity} in namespace {Namespace}")]
    public static partial void ProxyEntityCreated(ILogger logger, string entity, string @namespace);

    [LoggerMessage(3006, LogLevel.Information, "check ttl expired for {Key}; writing a failing result")]
    public static partial void TtlExpired(ILogger logger, string key);

    [LoggerMessage(3007, LogLevel.Error, "error writing the ttl result for {Key}")]
    public static partial void TtlFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(3010, LogLevel.Debug, "silenced cache loaded {Count} silences")]
    public static partial void SilencesLoaded(ILogger logger, int count);

    [LoggerMessage(3011, LogLevel.Warning, "silenced cache fell behind the change feed; reloading")]
    public static partial void SilencesLagged(ILogger logger, Exception exception);

    [LoggerMessage(3012, LogLevel.Error, "silenced cache cannot read the store; retrying")]
    public static partial void SilencesFailed(ILogger logger, Exception exception);

    [LoggerMessage(3013, LogLevel.Warning, "ignoring undecodable silence {Key}")]
    public static partial void SilenceUndecodable(ILogger logger, string key, Exception exception);
}
