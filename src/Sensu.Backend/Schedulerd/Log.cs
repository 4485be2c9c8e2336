using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Schedulerd;

/// <summary>Schedulerd log messages, event ids 5000–5999.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "scheduling check {Check} ({Schedule})")]
    public static partial void Scheduled(ILogger logger, string check, string schedule);

    [LoggerMessage(5001, LogLevel.Information, "stopped scheduling check {Check}")]
    public static partial void Unscheduled(ILogger logger, string check);

    [LoggerMessage(5002, LogLevel.Error, "check {Check} has an invalid schedule and will not be scheduled: {Reason}")]
    public static partial void InvalidSchedule(ILogger logger, string check, string reason);

    [LoggerMessage(5003, LogLevel.Debug, "check {Check} is subdued; tick skipped")]
    public static partial void Subdued(ILogger logger, string check);

    [LoggerMessage(5004, LogLevel.Error, "error executing check {Check}")]
    public static partial void ExecutionFailed(ILogger logger, string check, Exception exception);

    [LoggerMessage(5005, LogLevel.Debug, "check {Namespace}/{Check} published to {Topics} topics ({Sessions} sessions)")]
    public static partial void Published(ILogger logger, string @namespace, string check, int topics, int sessions);

    [LoggerMessage(5006, LogLevel.Warning, "no matching entities, check will not be published (check {Namespace}/{Check})")]
    public static partial void NoMatchingEntities(ILogger logger, string @namespace, string check);

    [LoggerMessage(5007, LogLevel.Error, "failed to retrieve secrets for check {Namespace}/{Check}: {Reason}; the request is not published")]
    public static partial void SecretsFailed(ILogger logger, string @namespace, string check, string reason);

    [LoggerMessage(5008, LogLevel.Warning, "no agent is subscribed to {Subscription} for round robin check {Namespace}/{Check}")]
    public static partial void NoRoundRobinAgent(ILogger logger, string @namespace, string check, string subscription);

    [LoggerMessage(5009, LogLevel.Error, "error substituting tokens of proxy check {Check} for entity {Entity}: {Reason}")]
    public static partial void ProxySubstitutionFailed(ILogger logger, string check, string entity, string reason);

    [LoggerMessage(5010, LogLevel.Warning, "entity_attributes of check {Check} failed for entity {Entity}: {Reason}")]
    public static partial void ProxyAttributeFailed(ILogger logger, string check, string entity, string reason);

    [LoggerMessage(5011, LogLevel.Error, "no JavaScript engine is registered; proxy check {Check} cannot evaluate entity_attributes")]
    public static partial void NoJavaScript(ILogger logger, string check);

    [LoggerMessage(5012, LogLevel.Error, "could not write the failure event of check {Check} for entity {Entity}")]
    public static partial void FailureEventFailed(ILogger logger, string check, string entity, Exception exception);

    [LoggerMessage(5013, LogLevel.Warning, "ad hoc request for unknown check {Namespace}/{Check} dropped")]
    public static partial void AdhocUnknownCheck(ILogger logger, string @namespace, string check);

    [LoggerMessage(5014, LogLevel.Information, "ad hoc execution of check {Namespace}/{Check} (creator {Creator}, reason {Reason})")]
    public static partial void Adhoc(ILogger logger, string @namespace, string check, string creator, string reason);
}
