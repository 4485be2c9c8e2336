using Sensu.Backend.Caching;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>
/// A <c>Mutator</c> resource from the watcher-fed cache of the event's namespace, run by the <see cref="IMutatorKind"/>
/// of its type (<see cref="PipeMutator"/>, <see cref="JavaScriptMutator"/>; no type is <c>pipe</c>).
/// A mutator that does not exist is an error: the handler is not run.
/// </summary>
public sealed class ResourceMutatorStage(ResourceCache<Mutator> mutators, IEnumerable<IMutatorKind> kinds) : IEventMutatorStage
{
    public static readonly string ResourceType = ResourceRegistry.For<Mutator>().Name;

    private readonly Dictionary<string, IMutatorKind> _kinds = kinds.ToDictionary(k => k.Type, StringComparer.Ordinal);

    public bool CanMutate(ResourceReference? reference) =>
        reference is not null && reference.IsA(ResourceReference.CoreV2, ResourceType);

    /// <summary>A mutator resource runs a program: its output is never the stored JSON as such.</summary>
    public bool EmitsStoredJson(Event ev) => false;

    public async ValueTask<byte[]> MutateAsync(ResourceReference? reference, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(ev);
        var @namespace = EventKey.Namespace(ev);
        var mutator = mutators.Get(@namespace, reference.Name)
            ?? throw new PipelineStageException($"mutator \"{reference.Name}\" does not exist in namespace {@namespace}");
        var type = string.IsNullOrEmpty(mutator.Type) ? Mutator.PipeType : mutator.Type;
        if (!_kinds.TryGetValue(type, out var kind))
            throw new PipelineStageException($"mutator {reference.Name} has type {type}, which cannot be run");
        return await kind.MutateAsync(mutator, ev, cancellationToken);
    }
}
