using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>One kind of mutator (built-in or resource): turns an event into the bytes its handler gets.</summary>
public interface IEventMutatorStage
{
    /// <summary>True when this kind applies <paramref name="reference"/> (null: the workflow names no mutator).</summary>
    bool CanMutate(ResourceReference? reference);

    /// <summary>
    /// True when this stage's output for <paramref name="ev"/> is exactly the event's stored JSON (the whole event as
    /// Eventd stored it), so that the runner may hand that on (<see cref="PipelineItem.StoredJson"/>) instead of
    /// calling <see cref="MutateAsync"/>.
    /// </summary>
    bool EmitsStoredJson(Event ev);

    /// <summary>The handler's input. Failures throw <see cref="PipelineStageException"/>; the handler is then not run.</summary>
    ValueTask<byte[]> MutateAsync(ResourceReference? reference, Event ev, CancellationToken cancellationToken);
}
