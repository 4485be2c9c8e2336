using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sensu.Backend.Agentd;
using Sensu.Backend.Cluster;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Agentd's part in a cluster: <see cref="ClusterPresence"/> as the <see cref="IAgentPresence"/> (and a heartbeat
/// participant), <see cref="ClusterCheckRequestPublisher"/> as the <see cref="ICheckRequestPublisher"/>,
/// <see cref="ClusterDispatchReceiver"/>, and the listener as the member record's agent URL. Replaces the local-only
/// publisher and presence whether <see cref="AgentdServiceCollectionExtensions.AddAgentd"/> ran before or after.
/// Needs <see cref="ClusterServiceCollectionExtensions.AddCluster"/>.
/// </summary>
public static class AgentdClusterServiceCollectionExtensions
{
    public static IServiceCollection AddAgentdCluster(this IServiceCollection services)
    {
        services.TryAddSingleton<ClusterPresence>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterParticipant, ClusterPresence>(sp => sp.GetRequiredService<ClusterPresence>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentEndpoint, AgentListener>(sp => sp.GetRequiredService<AgentListener>()));
        services.TryAddSingleton<ClusterCheckRequestPublisher>();
        services.Replace(ServiceDescriptor.Singleton<ICheckRequestPublisher>(sp => sp.GetRequiredService<ClusterCheckRequestPublisher>()));
        services.Replace(ServiceDescriptor.Singleton<IAgentPresence>(sp => sp.GetRequiredService<ClusterPresence>()));
        services.TryAddSingleton<ClusterDispatchReceiver>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ClusterDispatchReceiver>());
        return services;
    }
}
