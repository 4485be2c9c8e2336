using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The one place the backend names a store provider: the embedded SQLite store under <c>--state-dir</c>, with the
/// <see cref="StoreOptions"/> validated at start.
/// </summary>
public static class StoreRegistration
{
    public static IServiceCollection AddBackendStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return new SqliteStoreOptions
            {
                StateDirectory = options.StateDir,
                Synchronous = string.Equals(options.StoreSync, "normal", StringComparison.OrdinalIgnoreCase) ? SqliteSynchronous.Normal : SqliteSynchronous.Full,
            };
        });
        return services.AddSqliteStore();
    }
}
