using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>One queued event and the completion its writer awaits (set once the event is stored).</summary>
internal sealed class EventdWorkItem(Event ev, bool unstored = false)
{
    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Event Event { get; } = ev;

    /// <summary>Handed to the pipeline without being stored (<see cref="IUnstoredEventWriter"/>); completes once it is.</summary>
    public bool Unstored { get; } = unstored;

    public Task Stored => _stored.Task;

    public void Complete() => _stored.TrySetResult();

    public void Fail(Exception exception) => _stored.TrySetException(exception);
}
