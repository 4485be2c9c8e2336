using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sensu.Backend.Caching;
using Sensu.Core.Meta;

namespace Sensu.Backend.Hosting;

/// <summary>Registers one watcher-fed cache per resource type, once, whoever asks first.</summary>
public static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddResourceCache<T>(this IServiceCollection services) where T : class, IResource
    {
        if (services.Any(d => d.ServiceType == typeof(ResourceCache<T>)))
            return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceCache<T>>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ResourceCache<T>>());
        return services;
    }
}
