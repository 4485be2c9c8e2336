using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// <see cref="IEventStore"/> over the <c>events</c> table (events are not published on the change feed), and
/// <see cref="IEventRevisionReader"/> from the revisions the writer loop keeps (a query only for a key it does not hold).
/// </summary>
public sealed class SqliteEventStore(SqliteStore store) : IEventStore, IEventRevisionReader
{
    private static readonly string[] AfterNames = ["$after_namespace", "$after_entity", "$after_check"];

    public Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EventSql.Get;
            command.AddKey(key);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new StoredEvent(key, reader.GetString(0), reader.GetInt64(1))
                : null;
        }, cancellationToken);

    public ValueTask<long?> GetEventRevisionAsync(EventKey key, CancellationToken cancellationToken) =>
        store.LatestEvents.TryGetRevision(key, out var revision)
            ? ValueTask.FromResult<long?>(revision)
            : new ValueTask<long?>(ReadRevisionAsync(key, cancellationToken));

    private Task<long?> ReadRevisionAsync(EventKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EventSql.GetRevision;
            command.AddKey(key);
            return await command.ExecuteScalarAsync(ct) is long revision ? revision : (long?)null;
        }, cancellationToken);

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = (@namespace, entity) switch
            {
                (null, null) => EventSql.ListAll,
                (_, null) => EventSql.ListNamespace,
                (null, _) => EventSql.ListEntityAllNamespaces,
                _ => EventSql.ListEntity,
            };
            command.Parameters.AddWithValue("$namespace", (object?)@namespace ?? DBNull.Value);
            command.Parameters.AddWithValue("$entity", (object?)entity ?? DBNull.Value);
            command.AddPage(page, AfterNames);
            return await ReadPageAsync(command, page, ct);
        }, cancellationToken);

    public Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, StoreFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
            return ListEventsAsync(@namespace, entity, page, cancellationToken);
        filter.EnsureFields(StoreFilterField.EventEntity, StoreFilterField.EventCheck, StoreFilterField.EventCheckStatus, StoreFilterField.Label);
        return store.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder(FilterSql.EventsHead);
            if (@namespace is not null)
            {
                sql.Append(FilterSql.EventsNamespace);
                command.Parameters.AddWithValue("$namespace", @namespace);
            }
            if (entity is not null)
            {
                sql.Append(FilterSql.EventsEntity);
                command.Parameters.AddWithValue("$entity", entity);
            }
            SqliteFilter.AppendEventTerms(sql, command, filter);
            sql.Append(FilterSql.EventsTail);
            command.CommandText = sql.ToString();
            command.AddPage(page, AfterNames);
            return await ReadPageAsync(command, page, ct);
        }, cancellationToken);
    }

    private static async Task<Page<StoredEvent>> ReadPageAsync(SqliteCommand command, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new EventKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            rows.Add(new StoredEvent(key, reader.GetString(3), reader.GetInt64(4)));
        }

        return SqliteParameters.ToPage(rows, page, e => ContinueToken.Encode(e.Key.Namespace, e.Key.Entity, e.Key.Check));
    }

    public Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        // The driver binds a byte[] as a blob without copying it on the managed heap; the statement casts it to text.
        var document = MemoryMarshal.TryGetArray(json, out var segment) && segment is { Offset: 0, Array: { } array } && segment.Count == array.Length
            ? array
            : json.ToArray();
        return store.WriteAsync(async (context, ct) =>
        {
            await context.EnsureNamespaceAsync(key.Namespace, ct);
            var revision = await context.NextRevisionAsync(ct);
            var command = context.Command(EventSql.Upsert);
            command.AddKey(key);
            command.Parameters.AddWithValue("$json", document);
            command.Parameters.AddWithValue("$revision", revision);
            await command.ExecuteNonQueryAsync(ct);
            context.OnCommit(() => store.LatestEvents.Committed(key, revision));
            return revision;
        }, cancellationToken, singleStatement: true);
    }

    public Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken) =>
        store.WriteAsync(async (context, ct) =>
        {
            var command = context.Command(EventSql.Delete);
            command.AddKey(key);
            context.OnCommit(() => store.LatestEvents.Deleted(key));
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken, singleStatement: true);

    public Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken) =>
        store.WriteAsync(async (context, ct) =>
        {
            var command = context.Command(EventSql.DeleteEntity);
            command.Parameters.AddWithValue("$namespace", @namespace);
            command.Parameters.AddWithValue("$entity", entity);
            context.OnCommit(() => store.LatestEvents.EntityDeleted(@namespace, entity));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
}
