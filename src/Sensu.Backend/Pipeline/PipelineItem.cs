using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline;

/// <summary>
/// One event on its way through the pipeline, with the JSON Eventd stored for it when that JSON is the whole event as
/// it is handed on (no metrics stripped, no output truncated); a mutator whose output would be those same bytes
/// (<see cref="Mutators.IEventMutatorStage.EmitsStoredJson"/>) hands them on instead of serializing the event again.
/// The event must not be changed once it is in an item. An event converts to an item without stored JSON.
/// </summary>
public readonly record struct PipelineItem(Event Event, byte[]? StoredJson = null)
{
    public static implicit operator PipelineItem(Event ev) => new(ev);
}
