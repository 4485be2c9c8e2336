using System.Collections.Concurrent;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipelined;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>A pipeline that records what Eventd hands it; optionally holds each hand-off until <see cref="Open"/>.</summary>
public sealed class RecordingPipeline(bool gated = false) : IEventPipeline
{
    private readonly TaskCompletionSource _gate = NewGate(gated);

    public ConcurrentQueue<Event> Events { get; } = new();

    public void Open() => _gate.TrySetResult();

    public async ValueTask EnqueueAsync(PipelineItem item, CancellationToken ct)
    {
        await _gate.Task.WaitAsync(ct);
        Events.Enqueue(item.Event);
    }

    private static TaskCompletionSource NewGate(bool gated)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!gated)
            gate.SetResult();
        return gate;
    }
}
