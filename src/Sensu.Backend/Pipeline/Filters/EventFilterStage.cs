using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Backend.Pipeline.Assets;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// A custom <c>EventFilter</c> resource (core-spec §5.3), read from the watcher-fed cache of the event's namespace:
/// <c>when</c> windows first (allow outside the window → deny; deny inside the window → deny; a window that cannot
/// be read is logged and the filter allows), then the runtime assets' JavaScript libraries and the expressions with
/// <c>event</c> bound to <see cref="FilterEventView"/>, each result coerced with JavaScript truthiness.
/// <c>allow</c>: the first false expression denies the event; <c>deny</c>: the first true expression denies it.
/// An expression that fails (throws, does not parse, hits the sandbox's time/statement/memory limits) is logged and
/// skipped: it counts as neither true nor false. An unknown action is logged and allows.
/// A filter that does not exist, or assets / libraries that cannot be had, are errors of this filter
/// (<see cref="PipelineStageException"/>).
/// </summary>
public sealed class EventFilterStage(
    ResourceCache<EventFilter> filters,
    PipelineAssets assets,
    JavaScriptLibraries libraries,
    TimeProvider time,
    ILogger<EventFilterStage> logger,
    IJavaScriptEngine? engine = null) : IEventFilterStage
{
    public static readonly string ResourceType = ResourceRegistry.For<EventFilter>().Name;

    public bool CanFilter(ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.IsA(ResourceReference.CoreV2, ResourceType);
    }

    public async ValueTask<bool> PassesAsync(ResourceReference reference, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(ev);
        var @namespace = EventKey.Namespace(ev);
        var filter = filters.Get(@namespace, reference.Name)
            ?? throw new PipelineStageException($"filter {reference.Name} does not exist in namespace {@namespace}");
        var allow = filter.Action switch
        {
            EventFilter.AllowAction => true,
            EventFilter.DenyAction => false,
            _ => (bool?)null,
        };
        if (allow is null)
        {
            Log.UnknownAction(logger, reference.Name, filter.Action ?? "");
            return true;
        }
        if (filter.When is { } when && WindowDecision(reference.Name, when, allow.Value) is { } byWindow)
            return byWindow;

        if (engine is null)
            throw new PipelineStageException($"filter {reference.Name}: JavaScript expressions cannot be evaluated (no JavaScript engine registered)");
        var installed = await assets.InstallAsync($"filter {reference.Name}", @namespace, filter.RuntimeAssets, cancellationToken);
        var loaded = await libraries.LoadAsync(installed, cancellationToken);
        // The evaluation is synchronous and keeps nothing of the document: it is disposed when the call returns.
        using var view = FilterEventView.Parse(ev);
        var scope = new JavaScriptScope
        {
            JsonGlobals = { ["event"] = view.Root },
            LiftMetadata = true,
            Libraries = loaded,
        };
        IReadOnlyList<JavaScriptExpressionResult> results;
        try
        {
            results = engine.EvaluateTruthiness(filter.Expressions, scope, stopAt: !allow.Value, cancellationToken);
        }
        catch (JavaScriptEvaluationException ex)
        {
            throw new PipelineStageException($"filter {reference.Name}: {ex.Message}", ex);
        }
        var decided = false;
        foreach (var result in results)
        {
            if (result.Error is { } error)
                Log.ExpressionFailed(logger, reference.Name, error, EventKey.Of(ev));
            else if (result.Value == !allow.Value)
                decided = true;
        }
        return !decided;
    }

    /// <summary>
    /// False when the window denies the event; true when the window cannot be read (the filter then allows without
    /// evaluating its expressions, as Sensu does); null when the expressions decide.
    /// </summary>
    private bool? WindowDecision(string name, TimeWindowWhen when, bool allow)
    {
        bool inside;
        try
        {
            inside = TimeWindow.Contains(when, time.GetUtcNow());
        }
        catch (FormatException ex)
        {
            Log.BadWindow(logger, name, ex.Message);
            return true;
        }
        return (allow ? inside : !inside) ? null : false;
    }
}
