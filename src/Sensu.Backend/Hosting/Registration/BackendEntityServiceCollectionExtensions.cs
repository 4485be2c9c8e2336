using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Cluster;

namespace Sensu.Backend.Hosting;

/// <summary>Registers the backend's own entity and the start-up step that writes it.</summary>
public static class BackendEntityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BackendEntity"/> (named after the host unless one was registered before) and
    /// <see cref="BackendEntityInitializer"/> as a hosted service (once); the entity is also the
    /// <see cref="IAssetBuildTarget"/> against which pipeline assets choose their builds.
    /// </summary>
    public static IServiceCollection AddBackendEntity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<BackendEntity>();
        services.TryAddSingleton<IAssetBuildTarget>(provider => provider.GetRequiredService<BackendEntity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, BackendEntityInitializer>());
        return services;
    }
}
