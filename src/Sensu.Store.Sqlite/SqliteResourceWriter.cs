namespace Sensu.Store.Sqlite;

/// <summary><see cref="IResourceWriter"/> over the <c>resources</c> table; every committed change goes to the feed.</summary>
public sealed class SqliteResourceWriter(SqliteStore store) : IResourceWriter
{
    public Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return store.WriteAsync(async (context, ct) =>
        {
            await context.EnsureNamespaceAsync(write.Key.Namespace, ct);
            var revision = await context.NextRevisionAsync(ct);
            var command = context.Command(ResourceSql.Insert);
            command.AddWrite(write, revision);
            if (await command.ExecuteNonQueryAsync(ct) == 0)
            {
                throw new AlreadyExistsException(write.Key);
            }

            return Stored(context, write, revision);
        }, cancellationToken);
    }

    public Task<(StoredResource Resource, PutOutcome Outcome)> PutAsync(ResourceWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return store.WriteAsync((context, ct) => PutOneAsync(context, write, ct), cancellationToken);
    }

    public Task<StoredResource> ReplaceAsync(ResourceWrite write, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return store.WriteAsync(async (context, ct) =>
        {
            await context.EnsureNamespaceAsync(write.Key.Namespace, ct);
            var revision = await context.NextRevisionAsync(ct);
            var command = context.Command(ResourceSql.ReplaceIfRevision);
            command.AddWrite(write, revision);
            command.Parameters.AddWithValue("$expected", expectedRevision);
            if (await command.ExecuteNonQueryAsync(ct) == 0)
            {
                throw new ResourceNotFoundException(write.Key);
            }

            return Stored(context, write, revision);
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken) =>
        store.WriteAsync(async (context, ct) =>
        {
            var command = context.Command(ResourceSql.Delete);
            command.AddKey(key);
            if (await command.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }

            var revision = await context.NextRevisionAsync(ct);
            context.Changes.Add(new ResourceChange(ChangeKind.Delete, key, null, revision));
            return true;
        }, cancellationToken);

    public Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return store.WriteAsync(async (context, ct) =>
        {
            foreach (var write in writes)
            {
                await PutOneAsync(context, write, ct);
            }

            return true;
        }, cancellationToken);
    }

    private static async Task<(StoredResource Resource, PutOutcome Outcome)> PutOneAsync(
        SqliteWriteContext context, ResourceWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await context.EnsureNamespaceAsync(write.Key.Namespace, cancellationToken);
        bool existed;
        var exists = context.Command(ResourceSql.Exists);
        exists.AddKey(write.Key);
        existed = await exists.ExecuteScalarAsync(cancellationToken) is not null;

        var revision = await context.NextRevisionAsync(cancellationToken);
        var command = context.Command(ResourceSql.Upsert);
        command.AddWrite(write, revision);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (Stored(context, write, revision), existed ? PutOutcome.Replaced : PutOutcome.Created);
    }

    private static StoredResource Stored(SqliteWriteContext context, ResourceWrite write, long revision)
    {
        var stored = new StoredResource(write.Key, write.Type, write.Json, revision);
        context.Changes.Add(new ResourceChange(ChangeKind.Put, write.Key, stored, revision));
        return stored;
    }
}
