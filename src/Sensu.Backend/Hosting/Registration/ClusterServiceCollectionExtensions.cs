using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sensu.Backend.Cluster;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Registers cluster membership over the store contracts (any provider): <see cref="ClusterMembership"/> (member
/// records, the leader lease, the <see cref="IClusterLeader"/> that Schedulerd and Keepalived consult, replacing
/// their <see cref="SingleBackendLeader"/>). Agentd's side (presence, dispatch) is <c>AddAgentdCluster</c>. Call
/// before AddSchedulerd and AddKeepalived so the membership's first heartbeat (in its StartAsync) precedes their start.
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
        services.TryAddSingleton<ClusterMembership>();
        services.Replace(ServiceDescriptor.Singleton<IClusterLeader>(sp => sp.GetRequiredService<ClusterMembership>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ClusterMembership>());
        return services;
    }
}
