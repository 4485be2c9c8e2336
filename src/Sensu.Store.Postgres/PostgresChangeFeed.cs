using System.Runtime.CompilerServices;

namespace Sensu.Store.Postgres;

/// <summary>
/// <see cref="IChangeFeed"/> of one store instance: changes committed by any backend on the database, as the
/// listener reads them from the <c>changes</c> table. A subscriber starts after every change already published to
/// this instance's watchers and every change this instance committed, so a write that completed before the call is
/// never replayed to it.
/// </summary>
internal sealed class PostgresChangeFeed(PostgresStore store) : IChangeFeed
{
    public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken)
    {
        var floor = Math.Max(store.Published, store.LocalCommitted);
        var stream = store.Changes.WatchAsync(kinds, cancellationToken);
        return AfterAsync(stream, floor, cancellationToken);
    }

    private static async IAsyncEnumerable<ResourceChange> AfterAsync(
        IAsyncEnumerable<ResourceChange> stream, long floor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in stream.WithCancellation(cancellationToken))
        {
            if (change.Revision > floor)
                yield return change;
        }
    }
}
