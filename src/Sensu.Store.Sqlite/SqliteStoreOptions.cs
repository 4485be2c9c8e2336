namespace Sensu.Store.Sqlite;

/// <summary>Where the embedded store lives: <c>sensu.db</c> under the backend's <c>--state-dir</c>.</summary>
public sealed class SqliteStoreOptions
{
    public const string DefaultFileName = "sensu.db";

    /// <summary>The backend's state directory; created when missing.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>File name of the database under <see cref="StateDirectory"/>.</summary>
    public string FileName { get; init; } = DefaultFileName;

    /// <summary>How many unread changes a watcher may have before the feed drops it.</summary>
    public int ChangeFeedCapacity { get; init; } = Sensu.Store.ChangeBroadcaster.DefaultCapacity;

    /// <summary>Durability of a commit: <see cref="SqliteSynchronous.Full"/> unless the operator opts out.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    public string DatabasePath => Path.GetFullPath(Path.Combine(StateDirectory, FileName));
}
