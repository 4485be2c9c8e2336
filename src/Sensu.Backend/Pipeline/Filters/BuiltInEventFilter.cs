using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>A filter that exists without a resource (core-spec §5.2), referenced as <c>core/v2.EventFilter(NAME)</c>.</summary>
public abstract class BuiltInEventFilter : IEventFilterStage
{
    /// <summary>The reserved filter name.</summary>
    public abstract string Name { get; }

    /// <summary>True when the event passes.</summary>
    public abstract bool Passes(Event ev);

    public bool CanFilter(ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.IsA(ResourceReference.CoreV2, EventFilterStage.ResourceType) && reference.Name == Name;
    }

    public ValueTask<bool> PassesAsync(ResourceReference reference, Event ev, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Passes(ev));
}
