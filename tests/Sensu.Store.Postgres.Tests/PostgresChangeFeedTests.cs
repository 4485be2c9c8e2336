using Sensu.Store.Conformance;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresChangeFeedTests(PostgresServerFixture server) : ChangeFeedConformance, IClassFixture<PostgresServerFixture>
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => PostgresStoreUnderTest.CreateAsync(server);
}
