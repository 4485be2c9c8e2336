using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>The default until Pipelined exists: events end at the store.</summary>
public sealed class NoOpEventPipeline : IEventPipeline
{
    public ValueTask EnqueueAsync(Event ev, CancellationToken ct) => ValueTask.CompletedTask;
}
