namespace Sensu.Store.Sqlite.Tests;

/// <summary>
/// The writer loop's shared state: the revision counter kept per batch, the namespaces seen to exist, and the last
/// committed event per key that reads are served from.
/// </summary>
public sealed class SqliteWriterLoopTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_failed_write_gives_its_revision_back()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var first = await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct);
        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct));
        var next = await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "b"), "User", "{}"), _ct);

        Assert.Equal(first.Revision + 1, next.Revision);
    }

    [Fact]
    public async Task Revisions_survive_a_reopen_after_batched_writes()
    {
        long last;
        await using (var store = new SqliteStore(_dir.Options()))
        {
            var writer = new SqliteResourceWriter(store);
            var written = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
                writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", $"u{i}"), "User", "{}"), _ct)));
            last = written.Max(w => w.Revision);
        }
        await using (var store = new SqliteStore(_dir.Options()))
        {
            var again = await new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "after"), "User", "{}"), _ct);
            Assert.Equal(last + 1, again.Revision);
        }
    }

    [Fact]
    public async Task A_namespace_deleted_in_a_batch_is_no_longer_taken_as_existing()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var events = new SqliteEventStore(store);
        await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "ops"), "Namespace", "{}"), _ct);
        var key = new EventKey("ops", "web", "disk");

        // Queued back to back (usually one batch): a write that saw "ops", the delete, then a write into "ops".
        var before = events.PutEventAsync(key, "{}", _ct);
        var delete = writer.DeleteAsync(ResourceKey.Cluster(StoreKinds.Namespaces, "ops"), _ct);
        var after = events.PutEventAsync(key with { Check = "cpu" }, "{}", _ct);

        await before;
        Assert.True(await delete);
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => after);
    }

    [Fact]
    public async Task Reads_after_deleting_events_do_not_return_them()
    {
        await using var store = new SqliteStore(_dir.Options());
        await new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), _ct);
        await new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "dev"), "Namespace", "{}"), _ct);
        var events = new SqliteEventStore(store);
        var disk = new EventKey("default", "web", "disk");
        var cpu = new EventKey("default", "web", "cpu");
        var other = new EventKey("dev", "web", "disk");
        foreach (var key in new[] { disk, cpu, other })
            await events.PutEventAsync(key, "{\"v\":1}", _ct);
        await events.PutEventAsync(disk, "{\"v\":2}", _ct);

        Assert.Equal("{\"v\":2}", (await events.GetEventAsync(disk, _ct))!.Json);
        Assert.True(await events.DeleteEventAsync(disk, _ct));
        Assert.Null(await events.GetEventAsync(disk, _ct));
        Assert.Equal(1, await events.DeleteEntityEventsAsync("default", "web", _ct));
        Assert.Null(await events.GetEventAsync(cpu, _ct));
        Assert.NotNull(await events.GetEventAsync(other, _ct));
    }

    [Fact]
    public async Task A_write_after_the_store_is_closed_fails_instead_of_hanging()
    {
        var store = new SqliteStore(_dir.Options());
        await store.InitializeAsync(_ct);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "late"), "User", "{}"), _ct));
    }
}
