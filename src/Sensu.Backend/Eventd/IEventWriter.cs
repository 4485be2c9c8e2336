using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>Takes an event submitted through the API (or an agent) into the backend.</summary>
public interface IEventWriter
{
    Task WriteAsync(Event ev, CancellationToken cancellationToken);
}
