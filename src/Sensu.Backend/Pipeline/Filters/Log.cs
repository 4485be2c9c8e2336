using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>Filter log messages, event ids 4100–4199.</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Error, "filter {Filter} has an unknown action {Action}; allowing the event")]
    public static partial void UnknownAction(ILogger logger, string filter, string action);

    [LoggerMessage(4101, LogLevel.Error, "filter {Filter}: cannot read its time window ({Reason}); allowing the event")]
    public static partial void BadWindow(ILogger logger, string filter, string reason);

    [LoggerMessage(4102, LogLevel.Error, "error evaluating javascript event filter {Filter}: {Reason}; the expression is skipped (event {Event})")]
    public static partial void ExpressionFailed(ILogger logger, string filter, string reason, string @event);
}
