using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Keepalived;

/// <summary>Registers Keepalived: keepalive events, liveness switches, registration and deregistration.</summary>
public static class KeepalivedServiceCollectionExtensions
{
    public static IServiceCollection AddKeepalived(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddMetrics();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KeepaliveProcessor>();
        services.AddSingleton<KeepaliveQueues>();
        services.Replace(ServiceDescriptor.Singleton<IKeepaliveReceiver>(sp => sp.GetRequiredService<KeepaliveQueues>()));
        services.AddSingleton<Keepalived>();
        services.AddHostedService(sp => sp.GetRequiredService<Keepalived>());
        return services;
    }
}
