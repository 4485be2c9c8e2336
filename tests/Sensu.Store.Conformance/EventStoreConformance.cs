namespace Sensu.Store.Conformance;

/// <summary>Events keyed by (namespace, entity, check).</summary>
public abstract class EventStoreConformance : StoreConformanceBase
{
    private static string Json(EventKey key, int status = 0) =>
        $$$"""{"entity":{"metadata":{"name":"{{{key.Entity}}}"}},"check":{"metadata":{"name":"{{{key.Check}}}"},"status":{{{status}}}}}""";

    private async Task<EventKey[]> SeedAsync()
    {
        await CreateNamespacesAsync("default", "dev");
        EventKey[] keys =
        [
            new("dev", "web-1", "disk"),
            new("default", "web-2", "keepalive"),
            new("default", "web-1", "keepalive"),
            new("default", "web-1", "cpu"),
            new("default", "db", "cpu"),
        ];
        foreach (var key in keys)
        {
            await Store.Events.PutEventAsync(key, Json(key), Ct);
        }

        return keys;
    }

    private static string[] Keys(IEnumerable<StoredEvent> events) => events.Select(e => e.Key.ToString()).ToArray();

    [Fact]
    public async Task Put_then_get_returns_the_json_and_revision()
    {
        await CreateNamespaceAsync("default");
        var key = new EventKey("default", "web-1", "cpu");

        var stored = await Store.Events.PutEventAsync(key, Json(key), Ct);
        var read = await Store.Events.GetEventAsync(key, Ct);

        Assert.Equal(stored, read);
        Assert.Equal(Json(key), read?.Json);
        Assert.True(stored.Revision > 0);
    }

    [Fact]
    public async Task Put_replaces_the_previous_event_of_the_same_key()
    {
        await CreateNamespaceAsync("default");
        var key = new EventKey("default", "web-1", "cpu");
        var first = await Store.Events.PutEventAsync(key, Json(key, 0), Ct);
        var second = await Store.Events.PutEventAsync(key, Json(key, 2), Ct);

        Assert.True(second.Revision > first.Revision);
        Assert.Equal(Json(key, 2), (await Store.Events.GetEventAsync(key, Ct))?.Json);
        Assert.Single((await Store.Events.ListEventsAsync("default", null, PageRequest.All, Ct)).Items);
    }

    [Fact]
    public async Task Revision_follows_puts_and_deletes_of_the_event()
    {
        await CreateNamespaceAsync("default");
        var key = new EventKey("default", "web-1", "cpu");
        var other = new EventKey("default", "web-1", "disk");
        Assert.Null(await Store.Revisions.GetEventRevisionAsync(key, Ct));

        var first = await Store.Events.PutEventAsync(key, Json(key, 0), Ct);
        Assert.Equal(first.Revision, await Store.Revisions.GetEventRevisionAsync(key, Ct));
        var second = await Store.Events.PutEventAsync(key, Json(key, 2), Ct);
        Assert.Equal(second.Revision, await Store.Revisions.GetEventRevisionAsync(key, Ct));

        await Store.Events.DeleteEventAsync(key, Ct);
        Assert.Null(await Store.Revisions.GetEventRevisionAsync(key, Ct));

        await Store.Events.PutEventAsync(key, Json(key), Ct);
        var kept = await Store.Events.PutEventAsync(other, Json(other), Ct);
        await Store.Events.DeleteEntityEventsAsync("default", "web-1", Ct);
        Assert.Null(await Store.Revisions.GetEventRevisionAsync(key, Ct));
        Assert.Null(await Store.Revisions.GetEventRevisionAsync(other, Ct));
        Assert.True(kept.Revision > second.Revision);
    }

    [Fact]
    public async Task Get_of_a_missing_event_is_null()
    {
        Assert.Null(await Store.Events.GetEventAsync(new EventKey("default", "x", "y"), Ct));
    }

    [Fact]
    public async Task Put_into_a_missing_namespace_fails_and_writes_nothing()
    {
        var key = new EventKey("ghost", "web-1", "cpu");
        var ex = await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Events.PutEventAsync(key, Json(key), Ct));
        Assert.Equal("ghost", ex.Namespace);
        Assert.Null(await Store.Events.GetEventAsync(key, Ct));
    }

    [Fact]
    public async Task List_orders_by_namespace_entity_check()
    {
        await SeedAsync();
        var all = await Store.Events.ListEventsAsync(null, null, PageRequest.All, Ct);
        Assert.Equal(
            ["default/db/cpu", "default/web-1/cpu", "default/web-1/keepalive", "default/web-2/keepalive", "dev/web-1/disk"],
            Keys(all.Items));
        Assert.Null(all.Continue);
    }

    [Fact]
    public async Task List_narrows_to_a_namespace_and_to_an_entity()
    {
        await SeedAsync();
        Assert.Equal(["dev/web-1/disk"], Keys((await Store.Events.ListEventsAsync("dev", null, PageRequest.All, Ct)).Items));
        Assert.Equal(
            ["default/web-1/cpu", "default/web-1/keepalive"],
            Keys((await Store.Events.ListEventsAsync("default", "web-1", PageRequest.All, Ct)).Items));
        Assert.Equal(
            ["default/web-1/cpu", "default/web-1/keepalive", "dev/web-1/disk"],
            Keys((await Store.Events.ListEventsAsync(null, "web-1", PageRequest.All, Ct)).Items));
        Assert.Empty((await Store.Events.ListEventsAsync("default", "nobody", PageRequest.All, Ct)).Items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Pages_cover_every_event_once_in_order(int limit)
    {
        await SeedAsync();
        var expected = Keys((await Store.Events.ListEventsAsync(null, null, PageRequest.All, Ct)).Items);
        var paged = await ReadAllPagesAsync(p => Store.Events.ListEventsAsync(null, null, p, Ct), limit);
        Assert.Equal(expected, Keys(paged));

        var inDefault = await ReadAllPagesAsync(p => Store.Events.ListEventsAsync("default", null, p, Ct), limit);
        Assert.Equal(expected.Where(k => k.StartsWith("default/", StringComparison.Ordinal)), Keys(inDefault));
    }

    [Fact]
    public async Task A_bad_token_is_refused()
    {
        await SeedAsync();
        await Assert.ThrowsAsync<InvalidContinueTokenException>(() =>
            Store.Events.ListEventsAsync(null, null, new PageRequest(1, "%%%"), Ct));
    }

    [Fact]
    public async Task Delete_removes_one_event()
    {
        var keys = await SeedAsync();
        Assert.True(await Store.Events.DeleteEventAsync(keys[0], Ct));
        Assert.Null(await Store.Events.GetEventAsync(keys[0], Ct));
        Assert.False(await Store.Events.DeleteEventAsync(keys[0], Ct));
        Assert.Equal(keys.Length - 1, (await Store.Events.ListEventsAsync(null, null, PageRequest.All, Ct)).Items.Count);
    }

    [Fact]
    public async Task Delete_entity_events_removes_only_that_entity_in_that_namespace()
    {
        await SeedAsync();
        Assert.Equal(2, await Store.Events.DeleteEntityEventsAsync("default", "web-1", Ct));
        Assert.Equal(
            ["default/db/cpu", "default/web-2/keepalive", "dev/web-1/disk"],
            Keys((await Store.Events.ListEventsAsync(null, null, PageRequest.All, Ct)).Items));
        Assert.Equal(0, await Store.Events.DeleteEntityEventsAsync("default", "web-1", Ct));
    }

    [Fact]
    public async Task Event_writes_do_not_appear_on_the_resource_change_feed()
    {
        await CreateNamespaceAsync("default");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var feed = Store.Feed.WatchAsync(new HashSet<string>(), cts.Token).GetAsyncEnumerator(cts.Token);
        await Store.Events.PutEventAsync(new EventKey("default", "e", "c"), "{}", Ct);
        var marker = await Store.Writer.CreateAsync(Write(Checks, "default", "marker"), Ct);

        Assert.True(await feed.MoveNextAsync());
        Assert.Equal(marker.Key, feed.Current.Key);
    }
}
