using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Sensu.Store.Sqlite;

public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store and every store role interface it implements, as singletons.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddSqliteStore(_ => options);
    }

    /// <summary>Same, with options computed from the container (e.g. from the backend's bound configuration).</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, Func<IServiceProvider, SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(sp => new SqliteStore(options(sp), sp.GetService<ILogger<SqliteStore>>()));
        services.TryAddSingleton<IResourceReader>(sp => new SqliteResourceReader(sp.GetRequiredService<SqliteStore>()));
        services.TryAddSingleton<IResourceWriter>(sp => new SqliteResourceWriter(sp.GetRequiredService<SqliteStore>()));
        services.TryAddSingleton(sp => new SqliteEventStore(sp.GetRequiredService<SqliteStore>()));
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.TryAddSingleton<IEventRevisionReader>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.TryAddSingleton<IStoreHealth>(sp => new SqliteStoreHealth(sp.GetRequiredService<SqliteStore>()));
        services.TryAddSingleton<IChangeFeed>(sp => sp.GetRequiredService<SqliteStore>().Changes);
        return services;
    }
}
