using Sensu.Backend.Pipeline;

namespace Sensu.Backend.Pipelined;

/// <summary>Takes events that Eventd has stored (and metrics-only events) into the handler pipeline.</summary>
public interface IEventPipeline
{
    /// <summary>Queues the item (an <see cref="Sensu.Core.Resources.Core.Event"/> converts to one without stored JSON).</summary>
    ValueTask EnqueueAsync(PipelineItem item, CancellationToken ct);
}
