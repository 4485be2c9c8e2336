using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Cluster;
using Sensu.Backend.Keepalived;

namespace Sensu.Backend.Hosting;

/// <summary>Registers Keepalived: keepalive events, liveness switches, registration and deregistration.</summary>
public static class KeepalivedServiceCollectionExtensions
{
    /// <summary>Registers Keepalived with its <see cref="KeepalivedOptions"/>, validated at start.</summary>
    public static IServiceCollection AddKeepalived(this IServiceCollection services)
    {
        services.AddOptions<KeepalivedOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClusterLeader, SingleBackendLeader>();
        services.AddSingleton<KeepaliveProcessor>();
        services.AddSingleton<KeepaliveQueues>();
        services.Replace(ServiceDescriptor.Singleton<IKeepaliveReceiver>(sp => sp.GetRequiredService<KeepaliveQueues>()));
        services.AddSingleton<Keepalived.Keepalived>();
        services.AddHostedService(sp => sp.GetRequiredService<Keepalived.Keepalived>());
        return services;
    }
}
