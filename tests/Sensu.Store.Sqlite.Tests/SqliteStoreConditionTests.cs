using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite.Tests;

/// <summary>
/// Writes refused by the store carry a condition, /health's ping reports it while it lasts, and the next write that
/// commits clears it. Seams: tests run as root in CI, where chmod cannot make a file unwritable and no tmpfs or loop
/// device may be mounted, so the writer connection gets <c>PRAGMA max_page_count</c> (the file may not grow: SQLITE_FULL,
/// what a full disk returns) or <c>PRAGMA query_only</c> (SQLITE_READONLY, what a read-only file or mount returns).
/// </summary>
public sealed class SqliteStoreConditionTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    /// <summary>A resource large enough to need new pages (16 KiB each).</summary>
    private static ResourceWrite Big(string name) =>
        new(ResourceKey.Cluster("core/v2/users", name), "User", $$"""{"pad":"{{new string('x', 200_000)}}"}""");

    [Fact]
    public async Task A_full_disk_refuses_writes_as_disk_full_until_space_returns()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var health = new SqliteStoreHealth(store);
        await writer.CreateAsync(Big("before"), _ct);

        store.SetWriterPragmasForTesting("PRAGMA max_page_count = 1;");
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => writer.CreateAsync(Big("during"), _ct));
        Assert.Equal(StoreCondition.DiskFull, refused.Condition);
        Assert.Equal(13, Assert.IsType<SqliteException>(refused.InnerException).SqliteErrorCode);
        var unhealthy = await Assert.ThrowsAsync<StoreUnavailableException>(() => health.PingAsync(_ct));
        Assert.Equal(StoreCondition.DiskFull, unhealthy.Condition);
        // Reads still work meanwhile.
        Assert.NotNull(await new SqliteResourceReader(store).GetAsync(Big("before").Key, _ct));

        store.SetWriterPragmasForTesting(null);
        await writer.CreateAsync(Big("after"), _ct);
        await health.PingAsync(_ct);
        Assert.Null(await new SqliteResourceReader(store).GetAsync(Big("during").Key, _ct));
    }

    [Fact]
    public async Task A_read_only_store_refuses_writes_as_read_only_until_writable()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        var health = new SqliteStoreHealth(store);
        await health.PingAsync(_ct);

        store.SetWriterPragmasForTesting("PRAGMA query_only = 1;");
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct));
        Assert.Equal(StoreCondition.ReadOnly, refused.Condition);
        Assert.Equal(StoreCondition.ReadOnly, (await Assert.ThrowsAsync<StoreUnavailableException>(() => health.PingAsync(_ct))).Condition);
        // Events are refused the same way.
        var eventRefused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new SqliteEventStore(store).PutEventAsync(new EventKey("default", "e", "c"), "{}", _ct));
        Assert.Equal(StoreCondition.ReadOnly, eventRefused.Condition);

        store.SetWriterPragmasForTesting(null);
        await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct);
        await health.PingAsync(_ct);
    }

    [Fact]
    public async Task A_domain_failure_is_not_a_store_condition()
    {
        await using var store = new SqliteStore(_dir.Options());
        var writer = new SqliteResourceWriter(store);
        await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct));

        await new SqliteStoreHealth(store).PingAsync(_ct);
    }

    [Theory]
    [InlineData(13, StoreCondition.DiskFull)]
    [InlineData(8, StoreCondition.ReadOnly)]
    [InlineData(5, StoreCondition.Busy)]
    [InlineData(6, StoreCondition.Busy)]
    [InlineData(10, StoreCondition.IoError)]
    [InlineData(3338, StoreCondition.IoError)] // SQLITE_IOERR_FSYNC, an extended code
    [InlineData(26, StoreCondition.Unavailable)] // SQLITE_NOTADB
    public void Sqlite_errors_are_classified(int code, StoreCondition expected) =>
        Assert.Equal(expected, SqliteConditions.Classify(new SqliteException("x", code)));

    [Fact]
    public void The_public_description_of_a_condition_names_it_and_no_path()
    {
        foreach (var condition in Enum.GetValues<StoreCondition>())
        {
            var text = StoreConditions.Describe(condition);
            Assert.StartsWith("store unavailable", text, StringComparison.Ordinal);
            Assert.DoesNotContain("/", text, StringComparison.Ordinal);
            if (condition != StoreCondition.Unavailable)
                Assert.Contains(StoreConditions.Name(condition), text, StringComparison.Ordinal);
        }
    }
}
