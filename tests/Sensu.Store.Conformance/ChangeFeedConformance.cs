namespace Sensu.Store.Conformance;

/// <summary>The change feed: what a subscriber sees, in which order, filtered how.</summary>
public abstract class ChangeFeedConformance : StoreConformanceBase
{
    private static readonly HashSet<string> AllKinds = [];

    protected static async Task<List<ResourceChange>> TakeAsync(IAsyncEnumerator<ResourceChange> feed, int count)
    {
        var taken = new List<ResourceChange>(count);
        while (taken.Count < count)
        {
            Assert.True(await feed.MoveNextAsync(), $"feed ended after {taken.Count} of {count} changes");
            taken.Add(feed.Current);
        }

        return taken;
    }

    protected IAsyncEnumerator<ResourceChange> Watch(IReadOnlySet<string> kinds, CancellationToken cancellationToken) =>
        Store.Feed.WatchAsync(kinds, cancellationToken).GetAsyncEnumerator(cancellationToken);

    [Fact]
    public async Task A_subscriber_sees_puts_and_deletes_in_commit_order()
    {
        await CreateNamespaceAsync("default");
        await using var feed = Watch(AllKinds, Ct);

        var created = await Store.Writer.CreateAsync(Write(Checks, "default", "a"), Ct);
        var (replaced, _) = await Store.Writer.PutAsync(Write(created.Key, """{"v":2}"""), Ct);
        await Store.Writer.DeleteAsync(created.Key, Ct);

        var changes = await TakeAsync(feed, 3);
        Assert.Equal([ChangeKind.Put, ChangeKind.Put, ChangeKind.Delete], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal(created.Key, c.Key));
        Assert.Equal(created, changes[0].Resource);
        Assert.Equal(replaced, changes[1].Resource);
        Assert.Null(changes[2].Resource);
        Assert.Equal(created.Revision, changes[0].Revision);
        Assert.Equal(replaced.Revision, changes[1].Revision);
        Assert.True(changes[2].Revision > changes[1].Revision);
    }

    [Fact]
    public async Task The_subscription_starts_at_the_call_not_at_the_first_read()
    {
        await CreateNamespaceAsync("default");
        await Store.Writer.CreateAsync(Write(Checks, "default", "before"), Ct);
        var stream = Store.Feed.WatchAsync(AllKinds, Ct);
        var after = await Store.Writer.CreateAsync(Write(Checks, "default", "after"), Ct);

        await using var feed = stream.GetAsyncEnumerator(Ct);
        var first = (await TakeAsync(feed, 1))[0];
        Assert.Equal(after.Key, first.Key);
    }

    [Fact]
    public async Task A_kind_filter_keeps_only_those_kinds()
    {
        await CreateNamespaceAsync("default");
        await using var feed = Watch(new HashSet<string> { Checks, Users }, Ct);

        await Store.Writer.CreateAsync(Write(Handlers, "default", "h"), Ct);
        await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);
        await CreateNamespaceAsync("dev");
        await Store.Writer.CreateAsync(Write(Users, string.Empty, "u"), Ct);

        var changes = await TakeAsync(feed, 2);
        Assert.Equal([Checks, Users], changes.Select(c => c.Key.Kind));
    }

    [Fact]
    public async Task Failed_and_no_op_writes_publish_nothing()
    {
        await CreateNamespaceAsync("default");
        var existing = await Store.Writer.CreateAsync(Write(Checks, "default", "a"), Ct);
        await using var feed = Watch(AllKinds, Ct);

        await Assert.ThrowsAsync<AlreadyExistsException>(() => Store.Writer.CreateAsync(Write(existing.Key, "{}"), Ct));
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.PutAsync(Write(Checks, "ghost", "a"), Ct));
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() =>
            Store.Writer.PutManyAsync([Write(Checks, "default", "b"), Write(Checks, "ghost", "c")], Ct));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Store.Writer.ReplaceAsync(Write(existing.Key, "{}"), existing.Revision + 100, Ct));
        Assert.False(await Store.Writer.DeleteAsync(Key(Checks, "default", "none"), Ct));
        var marker = await Store.Writer.CreateAsync(Write(Checks, "default", "marker"), Ct);

        Assert.Equal(marker.Key, (await TakeAsync(feed, 1))[0].Key);
    }

    [Fact]
    public async Task PutMany_publishes_each_write_in_order()
    {
        await CreateNamespaceAsync("default");
        await using var feed = Watch(AllKinds, Ct);
        ResourceWrite[] writes = [Write(Checks, "default", "z"), Write(Checks, "default", "a"), Write(Handlers, "default", "m")];

        await Store.Writer.PutManyAsync(writes, Ct);

        var changes = await TakeAsync(feed, 3);
        Assert.Equal(writes.Select(w => w.Key), changes.Select(c => c.Key));
        Assert.Equal(changes.Select(c => c.Revision).Order(), changes.Select(c => c.Revision));
    }

    [Fact]
    public async Task Several_subscribers_each_see_every_change()
    {
        await CreateNamespaceAsync("default");
        await using var one = Watch(AllKinds, Ct);
        await using var two = Watch(new HashSet<string> { Checks }, Ct);

        await Store.Writer.CreateAsync(Write(Checks, "default", "a"), Ct);
        await Store.Writer.CreateAsync(Write(Checks, "default", "b"), Ct);

        Assert.Equal((await TakeAsync(one, 2)).Select(c => c.Key), (await TakeAsync(two, 2)).Select(c => c.Key));
    }

    [Fact]
    public async Task Cancelling_ends_the_stream()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var feed = Watch(AllKinds, cts.Token);
        var pending = feed.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await CreateNamespaceAsync("default");
    }
}
