using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresFilterTests(PostgresServerFixture server) : FilterConformance, IClassFixture<PostgresServerFixture>
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => PostgresStoreUnderTest.CreateAsync(server);
}
