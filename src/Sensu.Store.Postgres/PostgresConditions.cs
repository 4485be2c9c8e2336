using System.Net.Sockets;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// Which <see cref="StoreCondition"/> a failure of the PostgreSQL store is, from the server's SQLSTATE
/// (https://www.postgresql.org/docs/current/errcodes-appendix.html) or the client's own failure (socket, timeout).
/// </summary>
internal static class PostgresConditions
{
    public static StoreCondition Classify(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState switch
        {
            "53100" => StoreCondition.DiskFull,                       // disk_full
            "25006" => StoreCondition.ReadOnly,                       // read_only_sql_transaction (a standby)
            "53300" or "55P03" or "40001" or "40P01" or "57014" => StoreCondition.Busy, // too many connections, lock timeout, serialization, deadlock, statement timeout
            "58030" or "XX001" or "XX002" => StoreCondition.IoError,  // io_error, data/index corrupted
            _ => StoreCondition.Unavailable,                          // admin shutdown (57P01), cannot connect now (57P03), auth (28xxx), no database (3D000)...
        },
        NpgsqlException { InnerException: TimeoutException } => StoreCondition.Busy, // the pool had no free connection in time
        _ => StoreCondition.Unavailable,
    };

    /// <summary>Whether <paramref name="ex"/> is the store failing (to be turned into <see cref="StoreUnavailableException"/>).</summary>
    public static bool IsStoreFailure(Exception ex) => ex is NpgsqlException or SocketException or TimeoutException;

    /// <summary>Whether the batch failed because of one of its rows (bad data), not because of the server or the connection.</summary>
    public static bool IsDataError(Exception ex) => ex is PostgresException { SqlState: [ '2', '2', ..] };
}
