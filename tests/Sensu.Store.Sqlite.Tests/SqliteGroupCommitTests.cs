namespace Sensu.Store.Sqlite.Tests;

/// <summary>
/// Concurrent writes are committed together, yet each keeps its own outcome: one failing write is undone alone,
/// the feed still sees every committed change once, in revision order.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_failing_write_in_a_batch_is_undone_alone_and_the_others_commit_in_order()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var reader = new SqliteResourceReader(store);
        await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "taken"), "User", "{}"), _ct);
        await using var feed = store.Changes.WatchAsync(new HashSet<string>(), _ct).GetAsyncEnumerator(_ct);

        var writes = Enumerable.Range(0, 200)
            .Select(i => writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", i == 100 ? "taken" : $"u{i}"), "User", "{}"), _ct))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return (Stored: await w, Error: (Exception?)null);
            }
            catch (AlreadyExistsException ex)
            {
                return (Stored: (StoredResource?)null, Error: (Exception?)ex);
            }
        }));

        Assert.Single(outcomes, o => o.Error is not null);
        Assert.Equal(199, outcomes.Count(o => o.Stored is not null));
        Assert.Equal(199, outcomes.Where(o => o.Stored is not null).Select(o => o.Stored!.Revision).Distinct().Count());
        for (var i = 0; i < 200; i++)
        {
            if (i != 100)
                Assert.NotNull(await reader.GetAsync(ResourceKey.Cluster("core/v2/users", $"u{i}"), _ct));
        }

        long last = 0;
        for (var i = 0; i < 199; i++)
        {
            Assert.True(await feed.MoveNextAsync());
            Assert.True(feed.Current.Revision > last);
            last = feed.Current.Revision;
        }
    }

    [Fact]
    public async Task A_write_cancelled_before_it_runs_writes_nothing()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var reader = new SqliteResourceReader(store);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "never"), "User", "{}"), cancelled.Token));
        await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "after"), "User", "{}"), _ct);

        Assert.Null(await reader.GetAsync(ResourceKey.Cluster("core/v2/users", "never"), _ct));
        Assert.NotNull(await reader.GetAsync(ResourceKey.Cluster("core/v2/users", "after"), _ct));
    }
}
