namespace Sensu.Store.Sqlite.Tests;

/// <summary>Commits are fsynced (synchronous=FULL) unless the operator opts out with NORMAL.</summary>
public sealed class SqliteSynchronousTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_writer_runs_with_synchronous_full_by_default()
    {
        await using var store = new SqliteStore(_dir.Options());
        Assert.Equal(2L, await store.ReadWriterPragmaAsync("PRAGMA synchronous;", _ct));
    }

    [Fact]
    public async Task Normal_is_an_opt_out()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { StateDirectory = _dir.Path, Synchronous = SqliteSynchronous.Normal });
        Assert.Equal(1L, await store.ReadWriterPragmaAsync("PRAGMA synchronous;", _ct));
    }

    [Fact]
    public async Task Full_stays_after_the_writer_connection_is_replaced()
    {
        await using var store = new SqliteStore(_dir.Options());
        store.SetWriterPragmasForTesting("PRAGMA query_only = 1;");
        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct));
        store.SetWriterPragmasForTesting(null);

        Assert.Equal(2L, await store.ReadWriterPragmaAsync("PRAGMA synchronous;", _ct));
    }
}
