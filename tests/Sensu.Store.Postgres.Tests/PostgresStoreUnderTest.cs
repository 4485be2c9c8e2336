using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

/// <summary>A PostgreSQL store on its own fresh database of the shared server; disposing closes it.</summary>
public sealed class PostgresStoreUnderTest : IStoreUnderTest
{
    private PostgresStoreUnderTest(PostgresStore store)
    {
        Postgres = store;
        Reader = new PostgresResourceReader(store);
        Writer = new PostgresResourceWriter(store);
        var events = new PostgresEventStore(store);
        Events = events;
        Revisions = events;
        Health = new PostgresStoreHealth(store);
    }

    public PostgresStore Postgres { get; }

    public IResourceReader Reader { get; }

    public IResourceWriter Writer { get; }

    public IEventStore Events { get; }

    public IEventRevisionReader Revisions { get; }

    public IChangeFeed Feed => Postgres.Feed;

    public IStoreHealth Health { get; }

    public static async Task<IStoreUnderTest> CreateAsync(PostgresServerFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return new PostgresStoreUnderTest(await fixture.CreateStoreAsync());
    }

    public ValueTask DisposeAsync() => Postgres.DisposeAsync();
}
