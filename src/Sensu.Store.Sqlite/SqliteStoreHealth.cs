namespace Sensu.Store.Sqlite;

/// <summary>
/// <see cref="IStoreHealth"/>: unhealthy while the last write batch was refused (disk full, read-only, busy, I/O
/// error; see <see cref="SqliteStore.LastWriteRefusal"/>), else opens a connection and runs a trivial query.
/// </summary>
public sealed class SqliteStoreHealth(SqliteStore store) : IStoreHealth
{
    public Task PingAsync(CancellationToken cancellationToken)
    {
        if (store.LastWriteRefusal is { } refused)
            return Task.FromException(new StoreUnavailableException(refused.Condition, refused.Message, refused.InnerException ?? refused));
        return PingReadAsync(cancellationToken);
    }

    private Task PingReadAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = CommonSql.Ping;
            return await command.ExecuteScalarAsync(ct);
        }, cancellationToken);
}
