using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// One write waiting for a group commit: its work, its caller's token, and a state that the caller (cancelling)
/// and the batch leader (taking it) race for exactly once.
/// </summary>
internal sealed class PendingWrite(Func<SqliteWriteContext, CancellationToken, Task<object?>> work, bool singleStatement, CancellationToken cancellationToken)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state;

    public Func<SqliteWriteContext, CancellationToken, Task<object?>> Work { get; } = work;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The work changes the database with at most one statement, so it runs without a savepoint.</summary>
    public bool SingleStatement { get; } = singleStatement;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The leader takes the write for its batch; false when the caller cancelled it first.</summary>
    public bool TryTake()
    {
        if (CancellationToken.IsCancellationRequested)
        {
            TryCancel();
            return false;
        }
        return Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;
    }

    /// <summary>The caller gives up; false when a leader already took the write (then its outcome stands).</summary>
    public bool TryCancel()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) != Queued)
            return false;
        Completion.TrySetCanceled(CancellationToken);
        return true;
    }

    public void Fail(Exception exception) => Completion.TrySetException(exception);

    public void Complete(object? result) => Completion.TrySetResult(result);

    /// <summary>SQLite errors surface as the store's unavailable error; domain errors pass unchanged.</summary>
    public static Exception Translate(SqliteStore store, Exception exception) =>
        exception is SqliteException sqlite ? store.Unavailable(sqlite) : exception;
}
