using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Sensu.Store.Postgres;

public static class PostgresStoreServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL store and every store role interface it implements, as singletons.</summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, Func<IServiceProvider, PostgresStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(sp => new PostgresStore(options(sp), sp.GetService<ILogger<PostgresStore>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IResourceReader>(sp => new PostgresResourceReader(sp.GetRequiredService<PostgresStore>()));
        services.TryAddSingleton<IResourceWriter>(sp => new PostgresResourceWriter(sp.GetRequiredService<PostgresStore>()));
        services.TryAddSingleton(sp => new PostgresEventStore(sp.GetRequiredService<PostgresStore>()));
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        services.TryAddSingleton<IEventRevisionReader>(sp => sp.GetRequiredService<PostgresEventStore>());
        services.TryAddSingleton<IStoreHealth>(sp => new PostgresStoreHealth(sp.GetRequiredService<PostgresStore>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<PostgresStore>().Feed);
        return services;
    }
}
