using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>The built-in <c>json</c> mutator, also used when a workflow names none: the event as JSON, its entity redacted.</summary>
public sealed class JsonMutator : IEventMutatorStage
{
    public const string Name = "json";

    public bool CanMutate(ResourceReference? reference) =>
        reference is null || (reference.IsA(ResourceReference.CoreV2, ResourceMutatorStage.ResourceType) && reference.Name is Name or "");

    /// <summary>The event's stored JSON when its entity has nothing to redact (<see cref="IsStoredForm"/>).</summary>
    public bool EmitsStoredJson(Event ev) => IsStoredForm(ev);

    public ValueTask<byte[]> MutateAsync(ResourceReference? reference, Event ev, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ToJson(ev));

    /// <summary>
    /// True when <see cref="ToJson"/> writes the event exactly as its stored JSON (when that JSON is the whole event):
    /// its entity has nothing to redact, so the redacted copy is the event itself.
    /// </summary>
    public static bool IsStoredForm(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Entity is null || ReferenceEquals(ev.Entity.GetRedacted(), ev.Entity);
    }

    /// <summary>The event as JSON with its entity redacted (the event itself is not changed).</summary>
    public static byte[] ToJson(Event ev) => JsonSerializer.SerializeToUtf8Bytes(Redacted(ev), SensuJsonContext.Default.Event);

    /// <summary>A shallow copy of the event whose entity is the redacted copy.</summary>
    public static Event Redacted(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new Event
        {
            Timestamp = ev.Timestamp,
            Entity = ev.Entity?.GetRedacted(),
            Check = ev.Check,
            Metrics = ev.Metrics,
            Metadata = ev.Metadata,
            Id = ev.Id,
            Sequence = ev.Sequence,
            Pipelines = ev.Pipelines,
        };
    }
}
