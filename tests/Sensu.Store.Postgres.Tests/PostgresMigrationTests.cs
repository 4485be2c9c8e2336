using Npgsql;

namespace Sensu.Store.Postgres.Tests;

public sealed class PostgresMigrationTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Three_stores_starting_at_once_on_a_fresh_database_migrate_it_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var dsn = await fixture.Server.CreateDatabaseAsync(timeout.Token);
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgresStore(new PostgresStoreOptions { Dsn = dsn })).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => s.InitializeAsync(timeout.Token)));

            await using var connection = new NpgsqlConnection(dsn);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version", connection);
            var versions = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync(timeout.Token))
            {
                while (await reader.ReadAsync(timeout.Token))
                    versions.Add(reader.GetInt32(0));
            }
            Assert.Equal(Enumerable.Range(1, SchemaSql.Migrations.Count), versions);
            foreach (var store in stores)
                await new PostgresResourceWriter(store).PutAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), timeout.Token);
        }
        finally
        {
            foreach (var store in stores)
                await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_second_start_on_a_migrated_database_keeps_the_data()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var dsn = await fixture.Server.CreateDatabaseAsync(timeout.Token);
        var key = ResourceKey.Cluster(StoreKinds.Namespaces, "kept");
        await using (var first = new PostgresStore(new PostgresStoreOptions { Dsn = dsn }))
            await new PostgresResourceWriter(first).CreateAsync(new ResourceWrite(key, "Namespace", "{}"), timeout.Token);

        await using var second = new PostgresStore(new PostgresStoreOptions { Dsn = dsn });
        Assert.NotNull(await new PostgresResourceReader(second).GetAsync(key, timeout.Token));
    }
}
