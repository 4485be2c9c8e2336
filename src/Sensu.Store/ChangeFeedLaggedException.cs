namespace Sensu.Store;

/// <summary>
/// Ends a <see cref="IChangeFeed.WatchAsync"/> stream whose reader fell too far behind: the feed dropped it
/// rather than block writers. The watcher should list the kinds again and subscribe anew.
/// </summary>
public sealed class ChangeFeedLaggedException(int capacity)
    : StoreException($"change feed subscriber fell more than {capacity} changes behind and was dropped; re-list and watch again")
{
    public int Capacity { get; } = capacity;
}
