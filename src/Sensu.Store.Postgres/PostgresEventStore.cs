using System.Runtime.InteropServices;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// <see cref="IEventStore"/> over the <c>events</c> table (events are not on the change feed; puts are group-committed
/// by <see cref="PostgresEventBatcher"/>), and <see cref="IEventRevisionReader"/> by a key lookup: with several
/// backends on one database, no instance can know the latest revision from its own writes alone.
/// </summary>
public sealed class PostgresEventStore(PostgresStore store) : IEventStore, IEventRevisionReader
{
    public Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = KeyCommand(EventSql.Get, connection, key);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new StoredEvent(key, reader.GetString(0), reader.GetInt64(1)) : null;
        }, cancellationToken);

    public ValueTask<long?> GetEventRevisionAsync(EventKey key, CancellationToken cancellationToken) =>
        new(store.ReadAsync(async (connection, ct) =>
        {
            await using var command = KeyCommand(EventSql.GetRevision, connection, key);
            return await command.ExecuteScalarAsync(ct) is long revision ? revision : (long?)null;
        }, cancellationToken));

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken) =>
        ListEventsAsync(@namespace, entity, StoreFilter.None, page, cancellationToken);

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.EnsureFields(StoreFilterField.EventEntity, StoreFilterField.EventCheck, StoreFilterField.EventCheckStatus, StoreFilterField.Label);
        var statement = new PostgresStatement(filter.IsEmpty ? EventSql.ListHead : EventSql.ListFilteredHead);
        if (@namespace is not null)
            statement.Append(EventSql.ListNamespace, statement.Bind(@namespace));
        if (entity is not null)
            statement.Append(EventSql.ListEntity, statement.Bind(entity));
        PostgresPaging.AppendAfter(statement, EventSql.ListAfter, page, 3);
        PostgresFilter.AppendEventTerms(statement, filter);
        PostgresPaging.AppendTail(statement, EventSql.ListTail, page);
        return store.ReadAsync(async (connection, ct) =>
        {
            await using var command = statement.Command(connection);
            var rows = new List<StoredEvent>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = new EventKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                rows.Add(new StoredEvent(key, reader.GetString(3), reader.GetInt64(4)));
            }
            return PostgresPaging.ToPage(rows, page, e => ContinueToken.After(e.Key));
        }, cancellationToken);
    }

    public Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var document = MemoryMarshal.TryGetArray(json, out var segment) && segment is { Offset: 0, Array: { } array } && segment.Count == array.Length
            ? array
            : json.ToArray();
        return PutAsync(key, document, cancellationToken);
    }

    private async Task<long> PutAsync(EventKey key, byte[] document, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        return await store.Batcher.PutAsync(key, document, cancellationToken);
    }

    public Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = KeyCommand(EventSql.Delete, connection, key);
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken);

    public Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(EventSql.DeleteEntity, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = @namespace });
            command.Parameters.Add(new NpgsqlParameter { Value = entity });
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private static NpgsqlCommand KeyCommand(string sql, NpgsqlConnection connection, EventKey key)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key.Namespace });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Entity });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Check });
        return command;
    }
}
