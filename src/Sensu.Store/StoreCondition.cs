namespace Sensu.Store;

/// <summary>Why the store refuses work; <c>/health</c> and the API name it without saying where the data lives.</summary>
public enum StoreCondition
{
    /// <summary>Any other failure of the store itself (cannot open, corrupt, stopping...).</summary>
    Unavailable = 0,

    /// <summary>No space left for the database (SQLITE_FULL).</summary>
    DiskFull,

    /// <summary>The database or its directory cannot be written (SQLITE_READONLY).</summary>
    ReadOnly,

    /// <summary>Another writer held the database beyond the busy timeout (SQLITE_BUSY, SQLITE_LOCKED).</summary>
    Busy,

    /// <summary>The operating system failed a read or write of the database (SQLITE_IOERR).</summary>
    IoError,
}
