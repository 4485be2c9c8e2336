using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// Brings the database to the current schema: under a session advisory lock (so that backends starting together
/// apply each migration once, the others waiting and then finding nothing to do), each pending migration runs in its
/// own transaction with its row in <c>schema_version</c>.
/// </summary>
internal sealed class PostgresSchema(PostgresStore store)
{
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.OpenRawAsync(cancellationToken);
            await ExecuteAsync(connection, SchemaSql.Lock, cancellationToken, SchemaSql.MigrationLockKey);
            try
            {
                if (await ScalarAsync(connection, SchemaSql.VersionTableExists, cancellationToken) is not true)
                    await ExecuteAsync(connection, SchemaSql.CreateVersionTable, cancellationToken);
                var version = Convert.ToInt32(await ScalarAsync(connection, SchemaSql.ReadVersion, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                var known = SchemaSql.Migrations.Count;
                if (version > known)
                {
                    throw new StoreUnavailableException(
                        $"postgres store {store.Server} is unavailable: schema version {version} is newer than this program knows ({known}); upgrade sensu-backend",
                        new InvalidOperationException("schema too new"));
                }
                for (var i = version; i < known; i++)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await ExecuteAsync(connection, SchemaSql.Migrations[i], cancellationToken);
                    await ExecuteAsync(connection, SchemaSql.RecordVersion, cancellationToken, i + 1);
                    await transaction.CommitAsync(cancellationToken);
                    Log.Migrated(store.Logger, store.Server, i, i + 1);
                }
                store.Published = Math.Max(store.Published, Convert.ToInt64(await ScalarAsync(connection, ChangeSql.Latest, cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
                Log.Opened(store.Logger, store.Server, known);
            }
            finally
            {
                if (connection.State == System.Data.ConnectionState.Open)
                    await ExecuteAsync(connection, SchemaSql.Unlock, CancellationToken.None, SchemaSql.MigrationLockKey);
            }
        }
        catch (Exception ex) when (PostgresConditions.IsStoreFailure(ex))
        {
            throw store.Unavailable(ex);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
