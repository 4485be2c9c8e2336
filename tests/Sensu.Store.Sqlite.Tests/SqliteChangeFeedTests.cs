using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteChangeFeedTests : ChangeFeedConformance
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => SqliteStoreUnderTest.CreateAsync();
}
