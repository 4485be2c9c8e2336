using Microsoft.Extensions.Logging;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

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

    /// <summary>True when the handler ran (or was attempted past filters and mutator without error).</summary>
    public async Task<bool> RunAsync(ResolvedWorkflow workflow, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(ev);
        var stage = "";
        try
        {
            foreach (var reference in workflow.Filters)
            {
                stage = reference.ToString();
                var filter = _filters.FirstOrDefault(f => f.CanFilter(reference))
                    ?? throw new PipelineStageException($"no filter kind can evaluate {reference}");
                var started = time.GetTimestamp();
                var passes = await filter.PassesAsync(reference, ev, cancellationToken).ConfigureAwait(false);
                metrics.Filter(time.GetElapsedTime(started));
                if (!passes)
                {
                    Log.EventFiltered(logger, reference.Name, workflow.Pipeline, workflow.Name, EventKey.Of(ev));
                    return false;
                }
            }

            stage = workflow.Mutator?.ToString() ?? "core/v2.Mutator(json)";
            var mutator = _mutators.FirstOrDefault(m => m.CanMutate(workflow.Mutator))
                ?? throw new PipelineStageException($"no mutator kind can apply {workflow.Mutator}");
            var mutateStarted = time.GetTimestamp();
            var body = await mutator.MutateAsync(workflow.Mutator, ev, cancellationToken).ConfigureAwait(false);
            metrics.Mutator(time.GetElapsedTime(mutateStarted));

            stage = workflow.Handler.ToString();
            var handler = _handlers.FirstOrDefault(h => h.CanHandle(workflow.Handler))
                ?? throw new PipelineStageException($"handler {workflow.Handler} is not supported by this backend");
            await handler.HandleAsync(workflow.Handler, ev, body, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PipelineStageException ex)
        {
            Fail(workflow, ev, stage, ex.Message, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(workflow, ev, stage, ex.Message, ex);
        }
        return false;
    }

    private void Fail(ResolvedWorkflow workflow, Event ev, string stage, string reason, Exception? exception)
    {
        metrics.WorkflowError(stage.Contains(".EventFilter(", StringComparison.Ordinal) ? "filter"
            : stage.Contains(".Mutator(", StringComparison.Ordinal) ? "mutator" : "handler");
        Log.WorkflowFailed(logger, workflow.Pipeline, workflow.Name, stage, EventKey.Of(ev), scrubber.Scrub(reason), exception);
    }
}
