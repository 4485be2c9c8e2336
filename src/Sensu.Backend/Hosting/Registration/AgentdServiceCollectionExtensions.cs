using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sensu.Backend.Agentd;

namespace Sensu.Backend.Hosting;

/// <summary>Registers Agentd: the agent WebSocket endpoint, sessions, the check request publisher.</summary>
public static class AgentdServiceCollectionExtensions
{
    /// <summary>Registers Agentd with its <see cref="AgentdOptions"/>, validated at start.</summary>
    public static IServiceCollection AddAgentd(this IServiceCollection services)
    {
        services.AddOptions<AgentdOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<AgentListener>();
        services.TryAddSingleton(sp => new AgentdSettings(sp.GetRequiredService<IOptions<AgentdOptions>>().Value));
        services.TryAddSingleton(sp => new AgentTls(sp.GetRequiredService<IOptions<AgentdOptions>>().Value));
        services.TryAddSingleton<AgentdMetrics>();
        services.TryAddSingleton<AgentSessions>();
        services.TryAddSingleton<ICheckRequestPublisher>(sp => sp.GetRequiredService<AgentSessions>());
        services.TryAddSingleton<IAgentPresence>(sp => sp.GetRequiredService<AgentSessions>());
        services.TryAddSingleton<AgentHandshake>();
        services.TryAddSingleton<AgentMessageHandler>();
        services.TryAddSingleton<EntityConfigPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<EntityConfigPublisher>());
        services.TryAddSingleton<AgentEndpoint>();
        return services;
    }

    /// <summary>
    /// Must run first in the pipeline: requests that arrived on the agent port are answered here and never
    /// reach the API.
    /// </summary>
    public static WebApplication UseAgentd(this WebApplication app)
    {
        var listener = app.Services.GetRequiredService<AgentListener>();
        var endpoint = app.Services.GetRequiredService<AgentEndpoint>();
        app.MapWhen(listener.IsAgentConnection, agentPort =>
        {
            agentPort.UseWebSockets();
            agentPort.Run(endpoint.HandleAsync);
        });
        return app;
    }

    /// <summary>Nothing to map on the API port: agents are served by <see cref="UseAgentd"/> on their own port.</summary>
    public static WebApplication MapAgentd(this WebApplication app) => app;
}
