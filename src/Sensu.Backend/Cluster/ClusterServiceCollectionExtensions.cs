using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sensu.Backend.Agentd;

namespace Sensu.Backend.Cluster;

/// <summary>
/// Registers cluster behaviour over the store contracts (any provider): <see cref="ClusterMembership"/> (member
/// records, the leader lease, the <see cref="IClusterLeader"/> that Schedulerd and Keepalived consult),
/// <see cref="ClusterPresence"/> as the <see cref="IAgentPresence"/>, <see cref="ClusterCheckRequestPublisher"/> as the
/// <see cref="ICheckRequestPublisher"/>, and <see cref="ClusterDispatchReceiver"/>. Replaces Agentd's local-only
/// publisher and presence, whether registered before or after; call before AddSchedulerd and AddKeepalived so the
/// membership's first heartbeat (in its StartAsync) precedes their start.
/// </summary>
public static class ClusterServiceCollectionExtensions
{
    public static IServiceCollection AddCluster(this IServiceCollection services)
    {
        services.AddOptions<ClusterOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddBackendEntity();
        services.TryAddSingleton(sp => BackendIdentity.Create(
            sp.GetRequiredService<BackendEntity>().Name,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.BackendId));
        services.TryAddSingleton<LeaseService>();
        services.TryAddSingleton<ClusterPresence>();
        services.TryAddSingleton<ClusterMembership>();
        services.Replace(ServiceDescriptor.Singleton<IClusterLeader>(sp => sp.GetRequiredService<ClusterMembership>()));
        services.TryAddSingleton<ClusterCheckRequestPublisher>();
        services.Replace(ServiceDescriptor.Singleton<ICheckRequestPublisher>(sp => sp.GetRequiredService<ClusterCheckRequestPublisher>()));
        services.Replace(ServiceDescriptor.Singleton<IAgentPresence>(sp => sp.GetRequiredService<ClusterPresence>()));
        services.TryAddSingleton<ClusterDispatchReceiver>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ClusterMembership>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ClusterDispatchReceiver>());
        return services;
    }
}
