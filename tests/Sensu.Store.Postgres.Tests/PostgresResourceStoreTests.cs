using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresResourceStoreTests(PostgresServerFixture server) : ResourceStoreConformance, IClassFixture<PostgresServerFixture>
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => PostgresStoreUnderTest.CreateAsync(server);
}
