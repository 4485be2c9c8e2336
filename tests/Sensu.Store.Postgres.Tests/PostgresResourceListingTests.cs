using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresResourceListingTests(PostgresServerFixture server) : ResourceListingConformance, IClassFixture<PostgresServerFixture>
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => PostgresStoreUnderTest.CreateAsync(server);
}
