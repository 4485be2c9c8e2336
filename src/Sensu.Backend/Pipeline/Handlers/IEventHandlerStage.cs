using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>One kind of handler reference: delivers the mutated bytes of an event to the outside world.</summary>
public interface IEventHandlerStage
{
    bool CanHandle(ResourceReference reference);

    /// <summary>Delivers <paramref name="body"/>. Failures throw <see cref="PipelineStageException"/>.</summary>
    Task HandleAsync(ResourceReference reference, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
