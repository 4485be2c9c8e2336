using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>How one <see cref="Handler"/> type (<c>pipe</c>, <c>tcp</c>, <c>udp</c>) runs.</summary>
public interface IHandlerKind
{
    /// <summary>The handler <c>type</c> this kind runs.</summary>
    string Type { get; }

    /// <summary>Runs the handler; the outcome feeds metrics. Failures throw <see cref="PipelineStageException"/>.</summary>
    Task<HandlerOutcome> RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
