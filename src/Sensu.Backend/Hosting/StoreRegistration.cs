using Microsoft.Extensions.DependencyInjection;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Hosting;

/// <summary>The one place the backend names a store provider: the embedded SQLite store under <c>--state-dir</c>.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddBackendStore(this IServiceCollection services, BackendOptions options) =>
        services.AddSqliteStore(new SqliteStoreOptions
        {
            StateDirectory = options.StateDir,
            Synchronous = string.Equals(options.StoreSync, "normal", StringComparison.OrdinalIgnoreCase) ? SqliteSynchronous.Normal : SqliteSynchronous.Full,
        });
}
