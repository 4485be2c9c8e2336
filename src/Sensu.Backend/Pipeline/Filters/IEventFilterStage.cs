using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>One kind of event filter (built-in or resource). The workflow runner asks each kind in turn whether it takes a reference.</summary>
public interface IEventFilterStage
{
    /// <summary>True when this kind evaluates <paramref name="reference"/>.</summary>
    bool CanFilter(ResourceReference reference);

    /// <summary>True when the event passes (is allowed to reach the mutator and handler). Failures throw <see cref="PipelineStageException"/>.</summary>
    ValueTask<bool> PassesAsync(ResourceReference reference, Event ev, CancellationToken cancellationToken);
}
