namespace Sensu.Store.Sqlite;

/// <summary>
/// How hard a commit waits for the disk (SQLite's <c>PRAGMA synchronous</c> of the writer connection, in WAL mode).
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is fsynced: an acknowledged write survives a power loss or kernel crash. The default.</summary>
    Full = 0,

    /// <summary>
    /// The WAL is fsynced only at checkpoints: an acknowledged write survives a crash of the process, but the last
    /// commits may be lost when the machine itself goes down (<c>--store-sync normal</c>).
    /// </summary>
    Normal = 1,
}
