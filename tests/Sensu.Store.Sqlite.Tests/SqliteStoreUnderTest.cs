using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

/// <summary>A SQLite store in its own temp state directory; disposing closes it and deletes the directory.</summary>
public sealed class SqliteStoreUnderTest : IStoreUnderTest
{
    private readonly TempStateDir _dir;

    private SqliteStoreUnderTest(TempStateDir dir, SqliteStore store)
    {
        _dir = dir;
        Sqlite = store;
        Reader = new SqliteResourceReader(store);
        Writer = new SqliteResourceWriter(store);
        var events = new SqliteEventStore(store);
        Events = events;
        Revisions = events;
        Health = new SqliteStoreHealth(store);
    }

    public SqliteStore Sqlite { get; }

    public IResourceReader Reader { get; }

    public IResourceWriter Writer { get; }

    public IEventStore Events { get; }

    public IEventRevisionReader Revisions { get; }

    public IChangeFeed Feed => Sqlite.Changes;

    public IStoreHealth Health { get; }

    public static async Task<IStoreUnderTest> CreateAsync()
    {
        var dir = new TempStateDir();
        var store = new SqliteStore(dir.Options());
        await store.InitializeAsync(CancellationToken.None);
        return new SqliteStoreUnderTest(dir, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        _dir.Dispose();
    }
}
