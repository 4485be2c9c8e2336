using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Resources;

/// <summary>
/// Eventd's second, narrow entrance: events the backend makes that go to their handlers without being stored
/// (an agent entity's registration; the resolutions and deregistration event of a deregistered entity, whose
/// stored events are already deleted — storing them would create the entity again). They take the same queues
/// and the same way into the pipeline as stored events, in order with them; nothing else enters the pipeline.
/// </summary>
public interface IUnstoredEventWriter
{
    /// <summary>Queues the event (complete as given: no defaults, no state) and returns once it is in the pipeline.</summary>
    Task ForwardAsync(Event ev, CancellationToken cancellationToken);
}
