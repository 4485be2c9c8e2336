using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Caching;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Caching;

/// <summary>
/// The cache serves lookups from its index and enumerations from its snapshots: both must follow the feed's puts
/// and deletes, keep namespaces apart, and be replaced whole when the feed lags and the cache reloads.
/// </summary>
public sealed class ResourceCacheTests
{
    private static readonly string Kind = ResourceRegistry.For<Handler>().StoreKind;
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Lookups_and_snapshots_follow_puts_and_deletes_in_their_namespace()
    {
        var feed = new ScriptedFeed();
        var reader = new ListReader { Items = [Stored("default", "a", "one")] };
        using var cache = new ResourceCache<Handler>(feed, reader, TimeProvider.System, NullLogger<ResourceCache<Handler>>.Instance);
        await cache.StartAsync(_ct);
        await cache.WaitReadyAsync(_ct);
        Assert.Equal("one", cache.Get("default", "a")?.Command);
        Assert.Null(cache.Get("other", "a"));

        await feed.SendAsync(new ResourceChange(ChangeKind.Put, Key("other", "a"), Stored("other", "a", "two"), 2), _ct);
        await feed.SendAsync(new ResourceChange(ChangeKind.Put, Key("default", "a"), Stored("default", "a", "three"), 3), _ct);
        await Until(() => cache.Get("default", "a")?.Command == "three");
        Assert.Equal("two", cache.Get("other", "a")?.Command);
        Assert.Equal(["three"], cache.InNamespace("default").Select(h => h.Command));

        await feed.SendAsync(new ResourceChange(ChangeKind.Delete, Key("default", "a"), null, 4), _ct);
        await Until(() => cache.Get("default", "a") is null);
        Assert.Empty(cache.InNamespace("default"));
        Assert.Equal("two", cache.Get("other", "a")?.Command);
        await cache.StopAsync(_ct);
    }

    [Fact]
    public async Task After_the_feed_lags_the_reloaded_index_holds_what_the_store_holds_then()
    {
        var feed = new ScriptedFeed();
        var reader = new ListReader { Items = [Stored("default", "gone", "x"), Stored("default", "kept", "old")] };
        using var cache = new ResourceCache<Handler>(feed, reader, TimeProvider.System, NullLogger<ResourceCache<Handler>>.Instance);
        await cache.StartAsync(_ct);
        await cache.WaitReadyAsync(_ct);
        Assert.NotNull(cache.Get("default", "gone"));

        reader.Items = [Stored("default", "kept", "new"), Stored("default", "added", "y")];
        feed.Lag();
        await Until(() => cache.Get("default", "added") is not null);
        Assert.Null(cache.Get("default", "gone"));
        Assert.Equal("new", cache.Get("default", "kept")?.Command);
        Assert.Equal(["added", "kept"], cache.All().Select(h => h.Metadata.Name).Order(StringComparer.Ordinal));
        await cache.StopAsync(_ct);
    }

    private async Task Until(Func<bool> condition)
    {
        while (!condition())
            await Task.Delay(10, _ct);
    }

    private static ResourceKey Key(string @namespace, string name) => new(Kind, @namespace, name);

    private static StoredResource Stored(string @namespace, string name, string command) =>
        new(Key(@namespace, name), "Handler", $$$"""{"type":"pipe","command":"{{{command}}}","metadata":{"name":"{{{name}}}","namespace":"{{{@namespace}}}"}}""", 1);

    private sealed class ListReader : IResourceReader
    {
        public volatile IReadOnlyList<StoredResource> Items = [];

        public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
            Task.FromResult(Items.FirstOrDefault(i => i.Key == key));

        public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken) =>
            Task.FromResult(new Page<StoredResource>(Items, null));
    }

    /// <summary>A feed whose current subscription gets what the test sends, and ends lagged when the test says so.</summary>
    private sealed class ScriptedFeed : IChangeFeed
    {
        private Channel<ResourceChange> _current = Channel.CreateUnbounded<ResourceChange>();

        public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken)
        {
            var channel = Channel.CreateUnbounded<ResourceChange>();
            Volatile.Write(ref _current, channel);
            return Read(channel, cancellationToken);
        }

        public ValueTask SendAsync(ResourceChange change, CancellationToken cancellationToken) =>
            Volatile.Read(ref _current).Writer.WriteAsync(change, cancellationToken);

        public void Lag() => Volatile.Read(ref _current).Writer.TryComplete(new ChangeFeedLaggedException(1));

        private static async IAsyncEnumerable<ResourceChange> Read(Channel<ResourceChange> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
                yield return change;
        }
    }
}
