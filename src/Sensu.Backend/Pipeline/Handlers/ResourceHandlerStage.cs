using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>Handler</c> resource from the watcher-fed cache of the event's namespace, run by the <see cref="IHandlerKind"/>
/// of its type. A <c>set</c> named by a workflow runs each of its (expanded) members with the workflow's mutated
/// bytes; a failing member is logged and the others still run. Each run is measured (type, outcome, duration).
/// </summary>
public sealed class ResourceHandlerStage(
    ResourceCache<Handler> handlers,
    HandlerExpander expander,
    IEnumerable<IHandlerKind> kinds,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<ResourceHandlerStage> logger) : IEventHandlerStage
{
    public static readonly string ResourceType = ResourceRegistry.For<Handler>().Name;

    private readonly Dictionary<string, IHandlerKind> _kinds = kinds.ToDictionary(k => k.Type, StringComparer.Ordinal);

    public bool CanHandle(ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.IsA(ResourceReference.CoreV2, ResourceType);
    }

    public async Task HandleAsync(ResourceReference reference, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(ev);
        var @namespace = EventKey.Namespace(ev);
        var handler = handlers.Get(@namespace, reference.Name)
            ?? throw new PipelineStageException($"handler {reference.Name} not found in namespace {@namespace}, skipping handler execution");
        if (handler.Type != Handler.SetType)
        {
            await RunAsync(handler, ev, body, cancellationToken);
            return;
        }
        foreach (var member in expander.Expand(@namespace, handler.Handlers))
        {
            try
            {
                await RunAsync(member, ev, body, cancellationToken);
            }
            catch (PipelineStageException ex)
            {
                Log.SetMemberFailed(logger, member.Metadata.Name ?? "", reference.Name, EventKey.Of(ev), ex.Message);
            }
        }
    }

    private async Task RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var type = handler.Type ?? "";
        if (!_kinds.TryGetValue(type, out var kind))
            throw new PipelineStageException($"handler {handler.Metadata.Name} has type {type}, which cannot be run");
        var started = time.GetTimestamp();
        var outcome = HandlerOutcome.Error;
        try
        {
            outcome = await kind.RunAsync(handler, ev, body, cancellationToken);
        }
        finally
        {
            metrics.Handler(type, outcome, time.GetElapsedTime(started));
        }
    }
}
