namespace Sensu.Store.Sqlite;

/// <summary>The embedded store's change feed as a role of its own, so that it can be registered by type.</summary>
public sealed class SqliteChangeFeed(SqliteStore store) : IChangeFeed
{
    public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken) =>
        store.Changes.WatchAsync(kinds, cancellationToken);
}
