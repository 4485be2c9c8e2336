using Npgsql;

namespace Sensu.Store.Postgres.Tests;

/// <summary>Several store instances on one database, as several backends: one feed, one revision sequence.</summary>
public sealed class PostgresClusterFeedTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private const string Checks = "core/v2/checks";
    private static readonly HashSet<string> AllKinds = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(5));
    private string _dsn = string.Empty;
    private PostgresStore _a = null!;
    private PostgresStore _b = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _dsn = await fixture.Server.CreateDatabaseAsync(Ct);
        _a = new PostgresStore(new PostgresStoreOptions { Dsn = _dsn });
        _b = new PostgresStore(new PostgresStoreOptions { Dsn = _dsn });
        await Task.WhenAll(_a.InitializeAsync(Ct), _b.InitializeAsync(Ct));
        var ns = await new PostgresResourceWriter(_a).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", """{"name":"default"}"""), Ct);
        // A watcher of B starts after what B's listener has read: wait until it has read the namespace's creation,
        // so that the tests' watchers start after it (a write of another instance that B has not read yet when the
        // watch starts may still be delivered: the feed promises every later change, not none of the earlier ones).
        while (_b.Published < ns.Revision)
            await Task.Delay(10, Ct);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _timeout.Dispose();
    }

    private static ResourceWrite Check(string name) =>
        new(new ResourceKey(Checks, "default", name), "CheckConfig", $$$"""{"metadata":{"name":"{{{name}}}"}}""");

    [Fact]
    public async Task A_write_through_one_instance_reaches_a_watcher_of_another()
    {
        await using var feed = _b.Feed.WatchAsync(AllKinds, Ct).GetAsyncEnumerator(Ct);

        var written = await new PostgresResourceWriter(_a).CreateAsync(Check("a"), Ct);

        Assert.True(await feed.MoveNextAsync());
        Assert.Equal(written, feed.Current.Resource);
        Assert.Equal(written.Revision, feed.Current.Revision);
    }

    [Fact]
    public async Task Revisions_grow_across_instances_and_every_watcher_sees_one_order()
    {
        await using var onA = _a.Feed.WatchAsync(AllKinds, Ct).GetAsyncEnumerator(Ct);
        await using var onB = _b.Feed.WatchAsync(AllKinds, Ct).GetAsyncEnumerator(Ct);
        var writers = new[] { new PostgresResourceWriter(_a), new PostgresResourceWriter(_b) };

        var written = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => writers[i % 2].CreateAsync(Check($"c{i:D2}"), Ct)));

        Assert.Equal(40, written.Select(w => w.Revision).Distinct().Count());
        var seenA = await TakeAsync(onA, 40);
        var seenB = await TakeAsync(onB, 40);
        Assert.Equal(written.Select(w => w.Revision).Order(), seenA);
        Assert.Equal(seenA, seenB);
    }

    [Fact]
    public async Task A_watcher_resumes_without_loss_after_its_listen_connection_is_killed()
    {
        await using var feed = _a.Feed.WatchAsync(AllKinds, Ct).GetAsyncEnumerator(Ct);
        var writer = new PostgresResourceWriter(_b);
        var first = await writer.CreateAsync(Check("before"), Ct);
        Assert.True(await feed.MoveNextAsync());
        Assert.Equal(first.Revision, feed.Current.Revision);

        Assert.True(await TerminateListenersAsync() >= 1, "no change feed listener connection to kill");
        var after = new List<long>();
        for (var i = 0; i < 5; i++)
            after.Add((await writer.CreateAsync(Check($"after{i}"), Ct)).Revision);

        Assert.Equal(after, await TakeAsync(feed, 5));
    }

    private async Task<int> TerminateListenersAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(_dsn).Database;
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString("postgres"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE '%change feed'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> TakeAsync(IAsyncEnumerator<ResourceChange> feed, int count)
    {
        var revisions = new List<long>();
        while (revisions.Count < count)
        {
            Assert.True(await feed.MoveNextAsync(), $"feed ended after {revisions.Count} of {count}");
            revisions.Add(feed.Current.Revision);
        }
        return revisions;
    }
}
