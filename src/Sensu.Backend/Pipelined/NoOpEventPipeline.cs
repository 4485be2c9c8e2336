using Sensu.Backend.Pipeline;

namespace Sensu.Backend.Pipelined;

/// <summary>The default until Pipelined exists: events end at the store.</summary>
public sealed class NoOpEventPipeline : IEventPipeline
{
    public ValueTask EnqueueAsync(PipelineItem item, CancellationToken ct) => ValueTask.CompletedTask;
}
