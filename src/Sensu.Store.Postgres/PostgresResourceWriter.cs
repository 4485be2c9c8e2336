namespace Sensu.Store.Postgres;

/// <summary><see cref="IResourceWriter"/> over the <c>resources</c> table; every committed change is recorded for the feed.</summary>
public sealed class PostgresResourceWriter(PostgresStore store) : IResourceWriter
{
    public Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return store.WriteAsync(async (context, ct) =>
        {
            await context.EnsureNamespaceAsync(write.Key.Namespace, ct);
            var revision = await context.NextRevisionAsync(ct);
            if (await context.ExecuteAsync(ResourceSql.Insert, ct, Values(write, revision)) == 0)
                throw new AlreadyExistsException(write.Key);
            return await StoredAsync(context, write, revision, ct);
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
            if (await context.ExecuteAsync(ResourceSql.ReplaceIfRevision, ct, [.. Values(write, revision), expectedRevision]) == 0)
                throw new ResourceNotFoundException(write.Key);
            return await StoredAsync(context, write, revision, ct);
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken) =>
        store.WriteAsync(async (context, ct) =>
        {
            if (await context.ExecuteAsync(ResourceSql.Delete, ct, key.Kind, key.Namespace, key.Name) == 0)
                return false;
            var revision = await context.NextRevisionAsync(ct);
            await context.RecordAsync(new ResourceChange(ChangeKind.Delete, key, null, revision), ct);
            return true;
        }, cancellationToken);

    public Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
            return Task.CompletedTask;
        return store.WriteAsync(async (context, ct) =>
        {
            foreach (var write in writes)
                await PutOneAsync(context, write, ct);
            return true;
        }, cancellationToken);
    }

    private static async Task<(StoredResource Resource, PutOutcome Outcome)> PutOneAsync(
        PostgresWriteContext context, ResourceWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await context.EnsureNamespaceAsync(write.Key.Namespace, cancellationToken);
        var revision = await context.NextRevisionAsync(cancellationToken);
        var inserted = (bool)(await context.ScalarAsync(ResourceSql.Upsert, cancellationToken, Values(write, revision)))!;
        return (await StoredAsync(context, write, revision, cancellationToken), inserted ? PutOutcome.Created : PutOutcome.Replaced);
    }

    private static object?[] Values(ResourceWrite write, long revision) =>
        [write.Key.Kind, write.Key.Namespace, write.Key.Name, write.Type, write.Json, revision];

    private static async Task<StoredResource> StoredAsync(PostgresWriteContext context, ResourceWrite write, long revision, CancellationToken cancellationToken)
    {
        var stored = new StoredResource(write.Key, write.Type, write.Json, revision);
        await context.RecordAsync(new ResourceChange(ChangeKind.Put, write.Key, stored, revision), cancellationToken);
        return stored;
    }
}
