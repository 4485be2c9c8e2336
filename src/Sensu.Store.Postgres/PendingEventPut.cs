namespace Sensu.Store.Postgres;

/// <summary>
/// One event put waiting for a batch: its key and document, its caller's token, and a state that the caller
/// (cancelling) and a batch worker (taking it) race for exactly once.
/// </summary>
internal sealed class PendingEventPut(EventKey key, byte[] json, CancellationToken cancellationToken)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state;

    public EventKey Key { get; } = key;

    public byte[] Json { get; } = json;

    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A worker takes the put for its batch; false when the caller cancelled it first.</summary>
    public bool TryTake()
    {
        if (cancellationToken.IsCancellationRequested)
        {
            TryCancel();
            return false;
        }
        return Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;
    }

    /// <summary>The caller gives up; false when a worker already took the put (then its outcome stands).</summary>
    public bool TryCancel()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) != Queued)
            return false;
        Completion.TrySetCanceled(cancellationToken);
        return true;
    }
}
