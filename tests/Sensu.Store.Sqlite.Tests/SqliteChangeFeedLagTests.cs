namespace Sensu.Store.Sqlite.Tests;

/// <summary>A watcher that stops reading is dropped; writers carry on.</summary>
public sealed class SqliteChangeFeedLagTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_dropped_with_ChangeFeedLagged_and_writers_never_wait()
    {
        await using var store = new SqliteStore(_dir.Options(changeFeedCapacity: 4));
        var writer = new SqliteResourceWriter(store);
        await using var slow = store.Changes.WatchAsync(new HashSet<string>(), _ct).GetAsyncEnumerator(_ct);
        await using var fast = store.Changes.WatchAsync(new HashSet<string>(), _ct).GetAsyncEnumerator(_ct);

        var received = 0;
        for (var i = 0; i < 10; i++)
        {
            await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", $"u{i}"), "User", "{}"), _ct);
            Assert.True(await fast.MoveNextAsync());
            received++;
        }

        Assert.Equal(10, received);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await slow.MoveNextAsync());
        }

        var ex = await Assert.ThrowsAsync<ChangeFeedLaggedException>(async () => await slow.MoveNextAsync());
        Assert.Equal(4, ex.Capacity);
        Assert.Equal(1, store.Changes.SubscriberCount);
    }

    [Fact]
    public async Task A_cancelled_subscriber_is_removed()
    {
        await using var store = new SqliteStore(_dir.Options());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        _ = store.Changes.WatchAsync(new HashSet<string>(), cts.Token);
        Assert.Equal(1, store.Changes.SubscriberCount);

        await cts.CancelAsync();

        Assert.Equal(0, store.Changes.SubscriberCount);
    }

    [Fact]
    public async Task Disposing_the_store_completes_open_streams()
    {
        var store = new SqliteStore(_dir.Options());
        await using var feed = store.Changes.WatchAsync(new HashSet<string>(), _ct).GetAsyncEnumerator(_ct);
        var pending = feed.MoveNextAsync().AsTask();

        await store.DisposeAsync();

        Assert.False(await pending);
    }
}
