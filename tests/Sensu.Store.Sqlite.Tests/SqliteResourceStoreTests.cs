using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteResourceStoreTests : ResourceStoreConformance
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => SqliteStoreUnderTest.CreateAsync();
}
