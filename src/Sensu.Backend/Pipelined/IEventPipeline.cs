using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>Takes events that Eventd has stored (and metrics-only events) into the handler pipeline.</summary>
public interface IEventPipeline
{
    ValueTask EnqueueAsync(Event ev, CancellationToken ct);
}
