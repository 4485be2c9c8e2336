using Npgsql;

namespace Sensu.Store.Postgres.Tests;

/// <summary>Failures of the server or of the DSN: one clear <see cref="StoreUnavailableException"/>, never the password.</summary>
public sealed class PostgresStoreConditionTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    private const string Secret = "s3cret-Pa55word";

    [Fact]
    public async Task An_unreachable_server_fails_with_a_message_naming_it_without_the_password()
    {
        var port = Sensu.Testing.Processes.FreePort.Next();
        var dsn = $"Host=127.0.0.1;Port={port};Database=sensu;Username=sensu;Password={Secret};Timeout=3";
        await using var store = new PostgresStore(new PostgresStoreOptions { Dsn = dsn });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}/sensu", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(StoreCondition.Unavailable, error.Condition);
    }

    [Fact]
    public async Task A_wrong_password_fails_without_the_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.Server.CreateDatabaseAsync(CancellationToken.None)) { Password = Secret };
        await using var store = new PostgresStore(new PostgresStoreOptions { Dsn = builder.ConnectionString });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("28P01", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_fails_with_one_clear_message()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString("postgres")) { Database = "no_such_db" };
        await using var store = new PostgresStore(new PostgresStoreOptions { Dsn = builder.ConnectionString });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("no_such_db", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_database_refuses_writes_as_read_only()
    {
        await using var store = await fixture.CreateStoreAsync();
        var database = new NpgsqlConnectionStringBuilder(await DsnOfAsync(store)).Database!;
        await using (var admin = new NpgsqlConnection(fixture.Server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            // The name is one the server fixture made (t_ and hex digits).
            await using var command = new NpgsqlCommand($"ALTER DATABASE {database} SET default_transaction_read_only = on", admin);
            await command.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await using var reopened = new PostgresStore(new PostgresStoreOptions { Dsn = await DsnOfAsync(store) });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new PostgresResourceWriter(reopened).CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "x"), "Namespace", "{}"), CancellationToken.None));

        Assert.Equal(StoreCondition.ReadOnly, error.Condition);
    }

    [Theory]
    [InlineData("postgresql://sensu:p%40ss@db.example:6543/sensu_events?sslmode=require", "db.example", 6543, "sensu_events", "sensu", "p@ss")]
    [InlineData("postgres://u@localhost/d", "localhost", 5432, "d", "u", null)]
    [InlineData("Host=a,b;Database=d;Username=u;Target Session Attributes=primary", "a,b", 5432, "d", "u", null)]
    public void Dsns_are_read_as_keywords_or_urls(string dsn, string host, int port, string database, string user, string? password)
    {
        var builder = PostgresDsn.Parse(dsn);

        Assert.Equal((host, port, database, user, password), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Fact]
    public void A_multi_host_dsn_passes_through_unchanged()
    {
        var builder = PostgresDsn.Parse("Host=a,b;Database=d;Target Session Attributes=primary");

        Assert.Equal("primary", builder.TargetSessionAttributes);
        Assert.Equal("a:5432,b:5432/d", PostgresDsn.Describe(builder));
    }

    private Task<string> DsnOfAsync(PostgresStore store) => Task.FromResult(store.Options.Dsn);
}
