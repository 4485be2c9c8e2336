using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sensu.Store.Postgres;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The one place the backend names a store provider: the embedded SQLite store under <c>--state-dir</c> (the default),
/// or PostgreSQL (<c>--store postgres --postgres-dsn DSN</c>), with the <see cref="StoreOptions"/> validated at start.
/// </summary>
public static class StoreRegistration
{
    public static IServiceCollection AddBackendStore(this IServiceCollection services, StoreOptions? chosen = null)
    {
        services.AddOptions<StoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (chosen is { IsPostgres: true })
        {
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
                return new PostgresStoreOptions
                {
                    Dsn = options.PostgresDsn!,
                    MaxOpenConns = options.PostgresMaxOpenConns,
                    MaxIdleConns = options.PostgresMaxIdleConns,
                    MaxConnLifetime = options.PostgresMaxConnLifetime,
                    BatchBuffer = options.PostgresBatchBuffer,
                    BatchSize = options.PostgresBatchSize,
                    BatchWorkers = options.PostgresBatchWorkers,
                };
            });
            return services.AddPostgresStore();
        }
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
