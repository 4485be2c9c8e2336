using Sensu.Store.Conformance;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteConcurrencyTests : ConcurrencyConformance
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => SqliteStoreUnderTest.CreateAsync();
}
