namespace Sensu.Store.Postgres;

/// <summary>
/// The PostgreSQL store's settings, named after Sensu's <c>PostgresConfig</c> fields. The DSN is an Npgsql connection
/// string, passed through unchanged (multi-host <c>Host=a,b;Target Session Attributes=primary</c> included), or a
/// <c>postgres://</c> URL as Sensu takes it.
/// </summary>
public sealed class PostgresStoreOptions
{
    /// <summary>The connection string (never logged: it may hold a password).</summary>
    public required string Dsn { get; init; }

    /// <summary>Most connections open at once (<c>max_open_conns</c>; 0 keeps Npgsql's default or the DSN's Maximum Pool Size).</summary>
    public int MaxOpenConns { get; init; }

    /// <summary>Idle connections kept open (<c>max_idle_conns</c>; 0 keeps the DSN's Minimum Pool Size).</summary>
    public int MaxIdleConns { get; init; }

    /// <summary>Seconds a connection lives before it is closed on return to the pool (<c>max_conn_lifetime</c>; 0 = forever).</summary>
    public int MaxConnLifetime { get; init; }

    /// <summary>How many event writes may wait for a batch (<c>batch_buffer</c>; 0 = unbounded).</summary>
    public int BatchBuffer { get; init; }

    /// <summary>Most event writes upserted in one statement (<c>batch_size</c>).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>How many batches run at once, each on its own connection (<c>batch_workers</c>).</summary>
    public int BatchWorkers { get; init; } = DefaultBatchWorkers;

    /// <summary>How many unread changes a watcher may have before the feed drops it.</summary>
    public int ChangeFeedCapacity { get; init; } = ChangeBroadcaster.DefaultCapacity;

    /// <summary>How long committed changes are kept for listeners that reconnect.</summary>
    public TimeSpan ChangeRetention { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the listener reads the changes table even without a notification (a safety net).</summary>
    public TimeSpan ChangePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public const int DefaultBatchSize = 512;

    public const int DefaultBatchWorkers = 2;
}
