namespace Sensu.Store.Conformance;

/// <summary>Several writers at once, as several API requests would be.</summary>
public abstract class ConcurrencyConformance : StoreConformanceBase
{
    private const int Writers = 8;
    private const int WritesEach = 25;

    [Fact]
    public async Task Concurrent_creates_all_land_with_distinct_revisions_and_are_published_in_order()
    {
        await CreateNamespaceAsync("default");
        await using var feed = Store.Feed.WatchAsync(new HashSet<string> { Checks }, Ct).GetAsyncEnumerator(Ct);

        var created = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<StoredResource>();
            for (var i = 0; i < WritesEach; i++)
            {
                mine.Add(await Store.Writer.CreateAsync(Write(Checks, "default", $"w{w:D2}-{i:D3}"), Ct));
            }

            return mine;
        })));

        var revisions = created.SelectMany(c => c).Select(r => r.Revision).ToList();
        Assert.Equal(Writers * WritesEach, revisions.Distinct().Count());
        var listed = await Store.Reader.ListAsync(Checks, "default", PageRequest.All, Ct);
        Assert.Equal(Writers * WritesEach, listed.Items.Count);

        var published = new List<long>();
        while (published.Count < Writers * WritesEach)
        {
            Assert.True(await feed.MoveNextAsync());
            published.Add(feed.Current.Revision);
        }

        Assert.Equal(revisions.Order(), published);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_key_let_exactly_one_win()
    {
        await CreateNamespaceAsync("default");
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Store.Writer.CreateAsync(Write(Checks, "default", "contested"), Ct);
                return true;
            }
            catch (AlreadyExistsException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Concurrent_conditional_replaces_of_one_revision_let_exactly_one_win()
    {
        await CreateNamespaceAsync("default");
        var created = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            try
            {
                await Store.Writer.ReplaceAsync(Write(created.Key, $$"""{"w":{{w}}}"""), created.Revision, Ct);
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Reads_and_event_writes_run_alongside_resource_writes()
    {
        await CreateNamespaceAsync("default");
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                await Store.Events.PutEventAsync(new EventKey("default", $"e{w}", $"c{i}"), "{}", Ct);
                await Store.Writer.PutAsync(Write(Handlers, "default", $"h{w}"), Ct);
                await Store.Reader.ListAsync(Handlers, null, new PageRequest(3, null), Ct);
            }
        }));

        await Task.WhenAll(writers);

        Assert.Equal(Writers * WritesEach, (await Store.Events.ListEventsAsync("default", null, PageRequest.All, Ct)).Items.Count);
        Assert.Equal(Writers, (await Store.Reader.ListAsync(Handlers, "default", PageRequest.All, Ct)).Items.Count);
    }
}
