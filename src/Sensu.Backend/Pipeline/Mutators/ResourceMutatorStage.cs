using Sensu.Backend.Caching;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>
/// A <c>Mutator</c> resource from the watcher-fed cache of the event's namespace, run as a pipe command
/// (<see cref="PipeMutator"/>) or a JavaScript program (<see cref="JavaScriptMutator"/>) by its type.
/// A mutator that does not exist is an error: the handler is not run.
/// </summary>
public sealed class ResourceMutatorStage(ResourceCache<Mutator> mutators, PipeMutator pipe, JavaScriptMutator javaScript) : IEventMutatorStage
{
    public const string ResourceType = "Mutator";

    public bool CanMutate(ResourceReference? reference) =>
        reference is not null && reference.IsA(ResourceReference.CoreV2, ResourceType);

    public async ValueTask<byte[]> MutateAsync(ResourceReference? reference, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(ev);
        var @namespace = EventKey.Namespace(ev);
        var mutator = mutators.Get(@namespace, reference.Name)
            ?? throw new PipelineStageException($"mutator \"{reference.Name}\" does not exist in namespace {@namespace}");
        return mutator.IsJavaScript
            ? javaScript.Mutate(mutator, ev, cancellationToken)
            : await pipe.MutateAsync(mutator, ev, cancellationToken).ConfigureAwait(false);
    }
}
