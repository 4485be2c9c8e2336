using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Hosting;

/// <summary>Registers the domain layer: <see cref="ResourceService"/> and the write hooks and output filters that are core rules.</summary>
public static class ResourcesServiceCollectionExtensions
{
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.TryAddSingleton<ResourceService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceWriteHook, EntityWriteHook>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceWriteHook, SilencedWriteHook>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceOutputFilter, EntityRedactionFilter>());
        return services;
    }
}
