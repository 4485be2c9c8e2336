using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteFilterTests : FilterConformance
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => SqliteStoreUnderTest.CreateAsync();
}
