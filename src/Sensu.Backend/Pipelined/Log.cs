using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipelined;

/// <summary>Pipelined log messages, event ids 4000–4099. Never an environment, always scrubbed output.</summary>
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

    [LoggerMessage(4009, LogLevel.Warning, "pipelined stopping: {Dropped} queued events were not handled")]
    public static partial void Dropped(ILogger logger, int dropped);

    [LoggerMessage(4010, LogLevel.Error, "cannot write to the event log file {Path}: {Reason}")]
    public static partial void EventLogFailed(ILogger logger, string path, string reason);

    [LoggerMessage(4011, LogLevel.Warning, "event log buffer full: {Dropped} events left out of the event log so far")]
    public static partial void EventLogDropped(ILogger logger, long dropped);

    [LoggerMessage(4012, LogLevel.Error, "unexpected error handling event {Key}")]
    public static partial void EventFailed(ILogger logger, string key, Exception exception);
}
