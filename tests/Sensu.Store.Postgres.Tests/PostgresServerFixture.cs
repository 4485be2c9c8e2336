using Sensu.Testing.Postgres;

namespace Sensu.Store.Postgres.Tests;

/// <summary>A class fixture holding the process's shared PostgreSQL server for as long as the class runs.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() => _server = await SharedPostgresServer.AcquireAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await SharedPostgresServer.ReleaseAsync();
    }

    /// <summary>A store on a fresh database of the server, initialized.</summary>
    public async Task<PostgresStore> CreateStoreAsync(Func<string, PostgresStoreOptions>? options = null)
    {
        var dsn = await Server.CreateDatabaseAsync(CancellationToken.None);
        var store = new PostgresStore(options?.Invoke(dsn) ?? new PostgresStoreOptions { Dsn = dsn });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
