using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary><see cref="IResourceReader"/> over the <c>resources</c> table.</summary>
public sealed class PostgresResourceReader(PostgresStore store) : IResourceReader
{
    public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(ResourceSql.Get, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key.Kind });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Namespace });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Name });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new StoredResource(key, reader.GetString(0), reader.GetString(1), reader.GetInt64(2))
                : null;
        }, cancellationToken);

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync(kind, @namespace, StoreFilter.None, page, cancellationToken);

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(filter);
        filter.EnsureFields(StoreFilterField.Name, StoreFilterField.Label);
        var statement = new PostgresStatement(ResourceSql.ListHead, kind);
        if (@namespace is not null)
            statement.Append(ResourceSql.ListNamespace, statement.Bind(@namespace));
        PostgresPaging.AppendAfter(statement, ResourceSql.ListAfter, page, 2);
        PostgresFilter.AppendResourceTerms(statement, filter);
        PostgresPaging.AppendTail(statement, ResourceSql.ListTail, page);
        return store.ReadAsync(async (connection, ct) =>
        {
            await using var command = statement.Command(connection);
            var rows = new List<StoredResource>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = new ResourceKey(kind, reader.GetString(0), reader.GetString(1));
                rows.Add(new StoredResource(key, reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }
            return PostgresPaging.ToPage(rows, page, r => ContinueToken.After(r.Key));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListKindsAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<string>>(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(ResourceSql.ListKinds, connection);
            var kinds = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                kinds.Add(reader.GetString(0));
            return kinds;
        }, cancellationToken);
}
