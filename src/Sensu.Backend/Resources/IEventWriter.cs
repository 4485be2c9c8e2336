using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Resources;

/// <summary>
/// Takes an event into the backend (API, agents, keepalives, TTL expiries, the backend's own <c>secrets</c> events).
/// Implemented by Eventd's <c>EventQueues</c>; the contract sits in the domain layer so that any folder may take it by
/// constructor without depending on Eventd (Eventd hands events to the pipeline, whose handlers use secrets, whose
/// health events come back here: with the contract in Eventd that would be a folder cycle).
/// </summary>
public interface IEventWriter
{
    Task WriteAsync(Event ev, CancellationToken cancellationToken);
}
