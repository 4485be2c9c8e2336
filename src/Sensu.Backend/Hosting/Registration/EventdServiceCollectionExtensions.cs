using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Caching;
using Sensu.Backend.Eventd;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Resources;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Hosting;

/// <summary>Registers Eventd: the silenced cache, the state machine, the daemon as the API's event writer.</summary>
public static class EventdServiceCollectionExtensions
{
    /// <summary>Registers Eventd with its <see cref="EventdOptions"/>, validated at start.</summary>
    public static IServiceCollection AddEventd(this IServiceCollection services)
    {
        services.AddOptions<EventdOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventPipeline, NoOpEventPipeline>();
        services.TryAddSingleton<SecretScrubber>();
        services.AddSingleton<SilencedCache>();
        services.AddResourceCache<Entity>();
        services.AddSingleton<EventStateMachine>();
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<EventQueues>();
        services.Replace(ServiceDescriptor.Singleton<IEventWriter>(sp => sp.GetRequiredService<EventQueues>()));
        services.Replace(ServiceDescriptor.Singleton<IUnstoredEventWriter>(sp => sp.GetRequiredService<EventQueues>()));
        services.AddSingleton<Eventd.Eventd>();
        // The cache starts first and stops last, so a draining Eventd still sees silences.
        services.AddHostedService(sp => sp.GetRequiredService<SilencedCache>());
        services.AddHostedService(sp => sp.GetRequiredService<Eventd.Eventd>());
        return services;
    }
}
