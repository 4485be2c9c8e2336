using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary><see cref="IResourceReader"/> over the <c>resources</c> table.</summary>
public sealed class SqliteResourceReader(SqliteStore store) : IResourceReader
{
    public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ResourceSql.Get;
            command.AddKey(key);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            return new StoredResource(key, reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
        }, cancellationToken);

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$kind", kind);
            if (@namespace is null)
            {
                command.CommandText = ResourceSql.ListAll;
                command.AddPage(page, "$after_namespace", "$after_name");
            }
            else
            {
                command.CommandText = ResourceSql.ListNamespace;
                command.Parameters.AddWithValue("$namespace", @namespace);
                command.AddPage(page, "$after_namespace", "$after_name");
            }

            var rows = new List<StoredResource>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = new ResourceKey(kind, reader.GetString(0), reader.GetString(1));
                rows.Add(new StoredResource(key, reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }

            return SqliteParameters.ToPage(rows, page, r => ContinueToken.Encode(r.Key.Namespace, r.Key.Name));
        }, cancellationToken);
    }
}
