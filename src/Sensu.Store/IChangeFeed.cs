namespace Sensu.Store;

/// <summary>
/// Committed changes of configuration resources, for the watchers that keep each daemon's caches fresh.
/// A subscriber sees every change committed after it subscribed, in commit order.
/// </summary>
public interface IChangeFeed
{
    /// <summary>Streams changes of the given kinds (all kinds when empty) until cancelled.</summary>
    IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken);
}
