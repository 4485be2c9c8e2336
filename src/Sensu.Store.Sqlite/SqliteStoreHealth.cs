namespace Sensu.Store.Sqlite;

/// <summary><see cref="IStoreHealth"/>: opens a connection and runs a trivial query.</summary>
public sealed class SqliteStoreHealth(SqliteStore store) : IStoreHealth
{
    public Task PingAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = CommonSql.Ping;
            return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
}
