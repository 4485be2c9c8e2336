using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>One resource write's transaction: its statements, revisions, namespace checks and recorded changes.</summary>
internal sealed class PostgresWriteContext(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    /// <summary>The revision of the last change recorded, or null when the write changed nothing.</summary>
    public long? LastRevision { get; private set; }

    public NpgsqlCommand Command(string sql, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Takes the next revision of the one sequence (monotonic across the cluster).</summary>
    public async Task<long> NextRevisionAsync(CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(CommonSql.NextRevision, cancellationToken))!;

    /// <summary>Throws <see cref="NamespaceNotFoundException"/> unless <paramref name="namespace"/> is empty or exists.</summary>
    public async Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (@namespace.Length == 0)
            return;
        if (await ScalarAsync(CommonSql.NamespaceExists, cancellationToken, StoreKinds.Namespaces, @namespace) is null)
            throw new NamespaceNotFoundException(@namespace);
    }

    /// <summary>Appends the change to the feed's table, in this transaction.</summary>
    public async Task RecordAsync(ResourceChange change, CancellationToken cancellationToken)
    {
        await ExecuteAsync(ChangeSql.Record, cancellationToken,
            change.Revision, change.Key.Kind, change.Key.Namespace, change.Key.Name, change.Resource?.Type, change.Resource?.Json);
        LastRevision = change.Revision;
    }
}
