using Microsoft.Extensions.DependencyInjection;

namespace Sensu.Store.Sqlite.Tests;

public sealed class SqliteStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempStateDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AddSqliteStore_registers_every_role_over_one_store()
    {
        var services = new ServiceCollection().AddSqliteStore(_dir.Options());
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<SqliteResourceReader>(provider.GetRequiredService<IResourceReader>());
        Assert.IsType<SqliteResourceWriter>(provider.GetRequiredService<IResourceWriter>());
        Assert.IsType<SqliteEventStore>(provider.GetRequiredService<IEventStore>());
        Assert.IsType<SqliteStoreHealth>(provider.GetRequiredService<IStoreHealth>());
        Assert.IsType<SqliteChangeFeed>(provider.GetRequiredService<IChangeFeed>());
        Assert.Same(provider.GetRequiredService<IEventStore>(), provider.GetRequiredService<IEventStore>());

        await provider.GetRequiredService<IResourceWriter>().CreateAsync(
            new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), CancellationToken.None);
        Assert.NotNull(await provider.GetRequiredService<IResourceReader>().GetAsync(
            ResourceKey.Cluster(StoreKinds.Namespaces, "default"), CancellationToken.None));
    }
}
