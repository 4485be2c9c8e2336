using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>Takes events that Eventd has stored (and metrics-only events) into the handler pipeline.</summary>
public interface IEventPipeline
{
    ValueTask EnqueueAsync(Event ev, CancellationToken ct);

    /// <summary>
    /// Takes an event with the JSON Eventd stored for it, given only when that JSON is the whole event as it is
    /// handed on (no metrics stripped, no output truncated): the <c>json</c> mutator may hand it on instead of
    /// serializing the event again. The event must not be changed after this call.
    /// </summary>
    ValueTask EnqueueAsync(Event ev, byte[]? storedJson, CancellationToken ct) => EnqueueAsync(ev, ct);
}
