namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresGroupCommitTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Concurrent_event_puts_share_commits_and_each_completes_with_its_committed_row()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var store = await fixture.CreateStoreAsync(dsn => new PostgresStoreOptions { Dsn = dsn, BatchWorkers = 1 });
        await new PostgresResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), timeout.Token);
        var events = new PostgresEventStore(store);
        const int puts = 300;
        var before = store.Batcher.BatchesCommitted;

        var pending = Enumerable.Range(0, puts)
            .Select(i => (Key: new EventKey("default", $"e{i % 30}", $"c{i}"), Revision: events.PutEventAsync(new EventKey("default", $"e{i % 30}", $"c{i}"), $$"""{"n":{{i}}}""", timeout.Token)))
            .ToList();
        var stored = await Task.WhenAll(pending.Select(p => p.Revision));

        Assert.True(store.Batcher.BatchesCommitted - before < puts, $"{store.Batcher.BatchesCommitted - before} commits for {puts} concurrent puts");
        Assert.Equal(puts, stored.Select(s => s.Revision).Distinct().Count());
        foreach (var (key, put) in pending)
            Assert.Equal((await put).Revision, await events.GetEventRevisionAsync(key, timeout.Token));
    }

    [Fact]
    public async Task Puts_of_one_key_in_one_batch_keep_the_last()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var store = await fixture.CreateStoreAsync(dsn => new PostgresStoreOptions { Dsn = dsn, BatchWorkers = 1 });
        await new PostgresResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), timeout.Token);
        var events = new PostgresEventStore(store);
        var key = new EventKey("default", "e", "c");

        var puts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => events.PutEventAsync(key, $$"""{"n":{{i}}}""", timeout.Token)));

        var latest = await events.GetEventAsync(key, timeout.Token);
        Assert.Equal(puts.Max(p => p.Revision), latest!.Revision);
        Assert.Equal(puts.MaxBy(p => p.Revision)!.Json, latest.Json);
    }
}
