namespace Sensu.Store.Postgres;

/// <summary>
/// <see cref="IStoreHealth"/>: a trivial query on a pooled connection; a server in recovery (a standby, reached
/// because the DSN allowed one) answers but refuses writes, which is reported as <see cref="StoreCondition.ReadOnly"/>.
/// </summary>
public sealed class PostgresStoreHealth(PostgresStore store) : IStoreHealth
{
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var inRecovery = await store.ReadAsync(async (connection, ct) =>
        {
            await using var command = new Npgsql.NpgsqlCommand(CommonSql.Ping, connection);
            return await command.ExecuteScalarAsync(ct) is true;
        }, cancellationToken);
        if (inRecovery)
        {
            throw new StoreUnavailableException(StoreCondition.ReadOnly,
                $"postgres store {store.Server} is unavailable: the server is a standby in recovery and refuses writes",
                new InvalidOperationException("pg_is_in_recovery() is true"));
        }
    }
}
