using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sensu.Store.Postgres;

public static class PostgresStoreServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL store with fixed options.</summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        return services.AddPostgresStore();
    }

    /// <summary>
    /// Registers the PostgreSQL store and every store role interface it implements, as singletons over one
    /// <see cref="PostgresStore"/>; the <see cref="PostgresStoreOptions"/> come from the container (the composition
    /// root registers them from the backend's bound configuration).
    /// </summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PostgresStore>();
        services.TryAddSingleton<IResourceReader, PostgresResourceReader>();
        services.TryAddSingleton<IResourceWriter, PostgresResourceWriter>();
        services.TryAddSingleton<PostgresEventStore>();
        services.TryAddSingleton<IEventStore, PostgresEventStore>();
        services.TryAddSingleton<IEventRevisionReader, PostgresEventStore>();
        services.TryAddSingleton<IStoreHealth, PostgresStoreHealth>();
        services.TryAddSingleton<IChangeFeed, PostgresChangeFeed>();
        return services;
    }
}
