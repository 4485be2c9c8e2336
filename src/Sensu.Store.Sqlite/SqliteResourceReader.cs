using System.Text;
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
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
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

            return await ReadPageAsync(command, kind, page, ct);
        }, cancellationToken);
    }

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
            return ListAsync(kind, @namespace, page, cancellationToken);
        filter.EnsureFields(StoreFilterField.Name, StoreFilterField.Label);
        return store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$kind", kind);
            var sql = new StringBuilder(FilterSql.ResourcesHead);
            if (@namespace is not null)
            {
                sql.Append(FilterSql.ResourcesNamespace);
                command.Parameters.AddWithValue("$namespace", @namespace);
            }
            SqliteFilter.AppendResourceTerms(sql, command, filter);
            sql.Append(FilterSql.ResourcesTail);
            command.CommandText = sql.ToString();
            command.AddPage(page, "$after_namespace", "$after_name");
            return await ReadPageAsync(command, kind, page, ct);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListKindsAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<string>>(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ResourceSql.ListKinds;
            var kinds = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                kinds.Add(reader.GetString(0));
            }

            return kinds;
        }, cancellationToken);

    private static async Task<Page<StoredResource>> ReadPageAsync(SqliteCommand command, string kind, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = new List<StoredResource>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new ResourceKey(kind, reader.GetString(0), reader.GetString(1));
            rows.Add(new StoredResource(key, reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return SqliteParameters.ToPage(rows, page, r => ContinueToken.Encode(r.Key.Namespace, r.Key.Name));
    }
}
