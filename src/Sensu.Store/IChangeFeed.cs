namespace Sensu.Store;

/// <summary>
/// Committed changes of configuration resources, for the watchers that keep each daemon's caches fresh.
/// A subscriber sees every change committed after it subscribed, in commit (revision) order.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// Subscribes now (at the call, not at the first read) and streams changes of the given kinds
    /// (all kinds when empty) until cancelled. A reader that falls too far behind sees the stream end
    /// with <see cref="ChangeFeedLaggedException"/>; writers are never blocked by readers.
    /// </summary>
    IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken);
}
