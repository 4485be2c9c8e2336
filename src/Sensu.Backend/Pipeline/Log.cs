using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipeline;

/// <summary>Pipeline engine log messages (resolving and running workflows), event ids 4000–4008. Never an environment, always scrubbed output.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Debug, "no pipelines defined in resource: event {Key}")]
    public static partial void NoPipelines(ILogger logger, string key);

    [LoggerMessage(4001, LogLevel.Error, "pipeline {Pipeline} does not exist in namespace {Namespace}, skipping it for event {Key}")]
    public static partial void PipelineMissing(ILogger logger, string pipeline, string @namespace, string key);

    [LoggerMessage(4002, LogLevel.Information, "event filtered by {Filter}: pipeline {Pipeline}, workflow {Workflow}, event {Key}")]
    public static partial void EventFiltered(ILogger logger, string filter, string pipeline, string workflow, string key);

    [LoggerMessage(4003, LogLevel.Warning, "pipeline reference {Reference} of event {Key} is not a core/v2.Pipeline; ignored")]
    public static partial void PipelineUnsupported(ILogger logger, string reference, string key);

    [LoggerMessage(4004, LogLevel.Error, "workflow {Workflow} of pipeline {Pipeline} failed at {Stage} for event {Key}: {Reason}; other workflows go on")]
    public static partial void WorkflowFailed(ILogger logger, string pipeline, string workflow, string stage, string key, string reason, Exception? exception);
}
