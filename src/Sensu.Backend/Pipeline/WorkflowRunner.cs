using Microsoft.Extensions.Logging;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Pipeline;

/// <summary>
/// Runs one workflow for one event: its filters in order (the first that denies ends the workflow), then its mutator
/// (<c>json</c> when none), then its handler. Each reference goes to the first stage kind that takes it. A stage that
/// fails ends this workflow only: it is logged once with the pipeline, workflow, stage reference, event and cause
/// (scrubbed of secret values) and counted; the caller goes on with the next workflow.
/// </summary>
public sealed class WorkflowRunner(
    IEnumerable<IEventFilterStage> filters,
    IEnumerable<IEventMutatorStage> mutators,
    IEnumerable<IEventHandlerStage> handlers,
    PipelineMetrics metrics,
    SecretScrubber scrubber,
    TimeProvider time,
    ILogger<WorkflowRunner> logger)
{
    private readonly IEventFilterStage[] _filters = filters.ToArray();
    private readonly IEventMutatorStage[] _mutators = mutators.ToArray();
    private readonly IEventHandlerStage[] _handlers = handlers.ToArray();

    /// <summary>
    /// True when the handler ran (or was attempted past filters and mutator without error). The item's stored JSON,
    /// when given, is handed on by a mutator that says its output would be those same bytes.
    /// </summary>
    public async Task<bool> RunAsync(ResolvedWorkflow workflow, PipelineItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var ev = item.Event;
        ArgumentNullException.ThrowIfNull(ev);
        // The stage being run, named only if it fails (a reference's text is built for the log line alone).
        ResourceReference? stage = null;
        var stageKind = StageKind.Filter;
        try
        {
            foreach (var reference in workflow.Filters)
            {
                stage = reference;
                var filter = FilterFor(reference)
                    ?? throw new PipelineStageException($"no filter kind can evaluate {reference}");
                var started = time.GetTimestamp();
                var passes = await filter.PassesAsync(reference, ev, cancellationToken);
                metrics.Filter(time.GetElapsedTime(started));
                if (!passes)
                {
                    if (logger.IsEnabled(LogLevel.Information))
                        Log.EventFiltered(logger, reference.Name, workflow.Pipeline, workflow.Name, EventKey.Of(ev));
                    return false;
                }
            }

            stage = workflow.Mutator;
            stageKind = StageKind.Mutator;
            var mutator = MutatorFor(workflow.Mutator)
                ?? throw new PipelineStageException($"no mutator kind can apply {workflow.Mutator}");
            var mutateStarted = time.GetTimestamp();
            var body = item.StoredJson is { } storedJson && mutator.EmitsStoredJson(ev)
                ? storedJson
                : await mutator.MutateAsync(workflow.Mutator, ev, cancellationToken);
            metrics.Mutator(time.GetElapsedTime(mutateStarted));

            stage = workflow.Handler;
            stageKind = StageKind.Handler;
            var handler = HandlerFor(workflow.Handler)
                ?? throw new PipelineStageException($"handler {workflow.Handler} is not supported by this backend");
            await handler.HandleAsync(workflow.Handler, ev, body, cancellationToken);
            return true;
        }
        catch (PipelineStageException ex)
        {
            Fail(workflow, ev, stageKind, stage, ex.Message, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(workflow, ev, stageKind, stage, ex.Message, ex);
        }
        return false;
    }

    private IEventFilterStage? FilterFor(ResourceReference reference)
    {
        foreach (var filter in _filters)
        {
            if (filter.CanFilter(reference))
                return filter;
        }
        return null;
    }

    private IEventMutatorStage? MutatorFor(ResourceReference? reference)
    {
        foreach (var mutator in _mutators)
        {
            if (mutator.CanMutate(reference))
                return mutator;
        }
        return null;
    }

    private IEventHandlerStage? HandlerFor(ResourceReference reference)
    {
        foreach (var handler in _handlers)
        {
            if (handler.CanHandle(reference))
                return handler;
        }
        return null;
    }

    private enum StageKind
    {
        Filter,
        Mutator,
        Handler,
    }

    private void Fail(ResolvedWorkflow workflow, Event ev, StageKind kind, ResourceReference? stage, string reason, Exception? exception)
    {
        metrics.WorkflowError(kind switch
        {
            StageKind.Filter => "filter",
            StageKind.Mutator => "mutator",
            _ => "handler",
        });
        var name = stage?.ToString() ?? (kind == StageKind.Mutator ? "core/v2.Mutator(json)" : "");
        Log.WorkflowFailed(logger, workflow.Pipeline, workflow.Name, name, EventKey.Of(ev), scrubber.Scrub(reason), exception);
    }
}
