using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// Which <see cref="StoreCondition"/> a failure of the embedded store is: SQLite's primary result code (the low
/// byte, so extended codes such as SQLITE_IOERR_FSYNC count as their family), or the file system's error while the
/// state directory is prepared.
/// </summary>
internal static class SqliteConditions
{
    public static StoreCondition Classify(Exception ex) => ex switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xff) switch
        {
            13 => StoreCondition.DiskFull,
            8 => StoreCondition.ReadOnly,
            5 or 6 => StoreCondition.Busy,
            10 => StoreCondition.IoError,
            _ => StoreCondition.Unavailable,
        },
        UnauthorizedAccessException => StoreCondition.ReadOnly,
        IOException io when io.HResult == 28 => StoreCondition.DiskFull,
        IOException => StoreCondition.IoError,
        _ => StoreCondition.Unavailable,
    };
}
