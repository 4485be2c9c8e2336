using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Caching;
using Sensu.Backend.Cluster;
using Sensu.Backend.Schedulerd;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Registers Schedulerd: interval and cron timers, round robin, proxy checks, ad hoc requests. Needs Agentd's
/// <see cref="Agentd.ICheckRequestPublisher"/> and <see cref="Agentd.IAgentPresence"/>, Eventd's writer and the
/// secrets resolver; proxy checks evaluate <c>entity_attributes</c> with the registered <see cref="IJavaScriptEngine"/>
/// (the Jint sandbox unless another was registered first).
/// </summary>
public static class SchedulerdServiceCollectionExtensions
{
    public static IServiceCollection AddSchedulerd(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdhocQueue>();
        services.TryAddSingleton<IClusterLeader, SingleBackendLeader>();
        services.AddResourceCache<CheckConfig>();
        services.AddResourceCache<Asset>();
        services.AddResourceCache<HookConfig>();
        services.AddResourceCache<Entity>();
        services.TryAddSingleton<IJavaScriptEngine>(sp => new JintJavaScriptEngine(null, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RoundRobinRing>();
        services.TryAddSingleton<CheckRequestBuilder>();
        services.TryAddSingleton<ProxyEntitySelector>();
        services.TryAddSingleton<CheckExecutor>();
        services.AddSingleton<Schedulerd.Schedulerd>();
        services.AddHostedService(sp => sp.GetRequiredService<Schedulerd.Schedulerd>());
        return services;
    }
}
