using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteEventStoreTests : EventStoreConformance
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => SqliteStoreUnderTest.CreateAsync();
}
