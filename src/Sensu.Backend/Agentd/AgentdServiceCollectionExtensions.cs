using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Agentd;

/// <summary>Registers Agentd: the agent WebSocket endpoint, sessions, the check request publisher.</summary>
public static class AgentdServiceCollectionExtensions
{
    public static IServiceCollection AddAgentd(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static WebApplication MapAgentd(this WebApplication app) => app;
}
