namespace Sensu.Testing.Postgres;

/// <summary>
/// One <see cref="PostgresServer"/> shared by every test class of a test process that asks for it: the first
/// <see cref="AcquireAsync"/> starts it, the last <see cref="ReleaseAsync"/> stops it. Each test makes its own
/// database on it (<see cref="PostgresServer.CreateDatabaseAsync"/>), so classes run in parallel against one server.
/// </summary>
public static class SharedPostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;
    private static int _users;

    public static async Task<PostgresServer> AcquireAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _server ??= await PostgresServer.StartAsync(null, cancellationToken);
            _users++;
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (--_users == 0 && _server is { } server)
            {
                _server = null;
                await server.DisposeAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
