using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>Brings a database file to the current schema: private state directory and file, WAL, then pending migrations.</summary>
internal sealed class SqliteSchema(SqliteStore store)
{
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(store.DatabasePath)!;
        try
        {
            PrivateStateDirectory.Secure(directory, store.Logger);
            PrivateStateDirectory.CreateFile(store.DatabasePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw store.Unavailable(ex);
        }

        try
        {
            await using var connection = await store.OpenAsync(writer: true, cancellationToken);
            await ScalarAsync(connection, SchemaSql.NewDatabasePageSize, cancellationToken);
            var mode = await ScalarAsync(connection, SchemaSql.EnableWal, cancellationToken);
            if (!string.Equals(Convert.ToString(mode, CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw store.Unavailable(new InvalidOperationException($"journal mode is \"{mode}\", WAL could not be enabled"));
            }

            var version = Convert.ToInt32(await ScalarAsync(connection, SchemaSql.ReadUserVersion, cancellationToken), CultureInfo.InvariantCulture);
            var known = SchemaSql.Migrations.Count;
            if (version > known)
            {
                throw store.Unavailable(new InvalidOperationException(
                    $"schema version {version} is newer than this program knows ({known}); upgrade sensu-backend"));
            }

            for (var i = version; i < known; i++)
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SchemaSql.Migrations[i];
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Log.Migrated(store.Logger, store.DatabasePath, i, i + 1);
            }

            // SQLite gives -wal and -shm the mode of the database file; check rather than trust it.
            PrivateStateDirectory.Secure(directory, store.Logger);
            Log.Opened(store.Logger, store.DatabasePath, known);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw store.Unavailable(ex);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
