using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresEventStoreTests(PostgresServerFixture server) : EventStoreConformance, IClassFixture<PostgresServerFixture>
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => PostgresStoreUnderTest.CreateAsync(server);
}
