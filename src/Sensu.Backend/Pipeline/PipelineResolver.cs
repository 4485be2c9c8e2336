using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using PipelineResource = Sensu.Core.Resources.Core.Pipeline;

namespace Sensu.Backend.Pipeline;

/// <summary>
/// The workflows an event goes through (core-spec §5.1 step 8), read from the watcher-fed caches: first the
/// <c>Pipeline</c> resources referenced by <c>event.pipelines</c> and <c>check.pipelines</c> (each once, workflows in
/// order), then the legacy pipeline generated from <c>check.handlers</c> and <c>metrics.handlers</c>: sets expanded,
/// duplicates removed, one workflow per handler in handler-name order, named <c>legacy-pipeline-workflow-NAME</c>,
/// made of the handler's filters, its mutator (none → <c>json</c>) and the handler.
/// A handler's legacy workflow is built once per cached handler object (the cache replaces the object when the
/// handler changes), not once per event.
/// </summary>
public sealed class PipelineResolver(ResourceCache<PipelineResource> pipelines, HandlerExpander expander, ILogger<PipelineResolver> logger)
{
    public const string LegacyPipelineName = "legacy-pipeline";
    public static readonly string PipelineType = ResourceRegistry.For<PipelineResource>().Name;

    private readonly ConditionalWeakTable<Handler, ResolvedWorkflow[]> _legacyWorkflows = [];

    public IReadOnlyList<ResolvedWorkflow> Resolve(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var @namespace = EventKey.Namespace(ev);
        // The usual case, no pipelines and one handler: its cached one-workflow list.
        if (ev.Pipelines.Count == 0 && ev.Check?.Pipelines is null or { Count: 0 } && ev.Metrics?.Handlers is null or { Count: 0 }
            && ev.Check?.Handlers is { Count: 1 } checkHandlers
            && expander.Expand(@namespace, checkHandlers) is { Count: 1 } handlers)
            return LegacyWorkflows(handlers[0]);
        var workflows = new List<ResolvedWorkflow>();
        if (ev.Pipelines.Count != 0 || ev.Check?.Pipelines is { Count: > 0 })
            AddPipelines(ev, @namespace, workflows);
        AddLegacy(ev, @namespace, workflows);
        if (workflows.Count == 0)
            Log.NoPipelines(logger, EventKey.Of(ev));
        return workflows;
    }

    private void AddPipelines(Event ev, string @namespace, List<ResolvedWorkflow> workflows)
    {
        var references = ev.Pipelines.Concat(ev.Check?.Pipelines ?? []).DistinctBy(r => r.ToString(), StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (!reference.IsA(ResourceReference.CoreV2, PipelineType))
            {
                Log.PipelineUnsupported(logger, reference.ToString(), EventKey.Of(ev));
                continue;
            }
            var pipeline = pipelines.Get(@namespace, reference.Name);
            if (pipeline is null)
            {
                Log.PipelineMissing(logger, reference.Name, @namespace, EventKey.Of(ev));
                continue;
            }
            foreach (var workflow in pipeline.Workflows)
            {
                if (workflow.Handler is null)
                    continue;
                workflows.Add(new ResolvedWorkflow(reference.Name, workflow.Name, workflow.Filters, workflow.Mutator, workflow.Handler));
            }
        }
    }

    private void AddLegacy(Event ev, string @namespace, List<ResolvedWorkflow> workflows)
    {
        var checkHandlers = ev.Check?.Handlers ?? [];
        var metricsHandlers = ev.Metrics?.Handlers ?? [];
        if (checkHandlers.Count == 0 && metricsHandlers.Count == 0)
            return;
        var handlers = expander.Expand(@namespace, metricsHandlers.Count == 0 ? checkHandlers : checkHandlers.Concat(metricsHandlers));
        if (handlers.Count == 1)
        {
            workflows.Add(LegacyWorkflows(handlers[0])[0]);
            return;
        }
        foreach (var handler in handlers.OrderBy(h => h.Metadata.Name, StringComparer.Ordinal))
            workflows.Add(LegacyWorkflows(handler)[0]);
    }

    /// <summary>The handler's legacy workflow, as a list of one (never changed by callers).</summary>
    private ResolvedWorkflow[] LegacyWorkflows(Handler handler) =>
        _legacyWorkflows.GetValue(handler, static h =>
        [
            new ResolvedWorkflow(
                LegacyPipelineName,
                "legacy-pipeline-workflow-" + h.Metadata.Name,
                h.Filters.Select(f => Reference(f, EventFilterStage.ResourceType)).ToList(),
                h.Mutator is { Length: > 0 } m ? Reference(m, ResourceMutatorStage.ResourceType) : null,
                Reference(h.Metadata.Name ?? "", ResourceHandlerStage.ResourceType)),
        ]);

    private static ResourceReference Reference(string name, string type) =>
        new() { Name = name, Type = type, ApiVersion = ResourceReference.CoreV2 };
}
