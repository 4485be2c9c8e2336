using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sensu.Store.Sqlite;

public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store with fixed options.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        return services.AddSqliteStore();
    }

    /// <summary>
    /// Registers the embedded store and every store role interface it implements, as singletons over one
    /// <see cref="SqliteStore"/>; the <see cref="SqliteStoreOptions"/> come from the container (the composition root
    /// registers them, e.g. from the backend's bound configuration).
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<SqliteStore>();
        services.TryAddSingleton<IResourceReader, SqliteResourceReader>();
        services.TryAddSingleton<IResourceWriter, SqliteResourceWriter>();
        services.TryAddSingleton<SqliteEventStore>();
        services.TryAddSingleton<IEventStore, SqliteEventStore>();
        services.TryAddSingleton<IEventRevisionReader, SqliteEventStore>();
        services.TryAddSingleton<IStoreHealth, SqliteStoreHealth>();
        services.TryAddSingleton<IChangeFeed, SqliteChangeFeed>();
        return services;
    }
}
