using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Checks;
using Sensu.Agent.Configuration;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;
using Sensu.Agent.LocalApi;
using Sensu.Agent.Sockets;
using Sensu.Agent.Statsd;
using Sensu.Execution;
using Sensu.Execution.Assets;
using Sensu.Execution.Host;
using Sensu.Execution.JavaScript;

namespace Sensu.Agent.Hosting;

/// <summary>Registers the agent's parts; each local interface only when it is enabled.</summary>
internal static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddSensuAgent(this IServiceCollection services, AgentOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new AgentEntityProvider(AgentEntityBuilder.Build(options, SystemFacts.Collect())));
        services.AddSingleton<AgentEventFactory>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<ConnectionState>();
        services.TryAddSingleton<IProcessRunner>(sp => new ProcessRunner(new ProcessRunnerOptions(), sp.GetRequiredService<TimeProvider>()));
        if (!options.DisableAssets)
        {
            services.TryAddSingleton<IJavaScriptEngine>(_ => new JintJavaScriptEngine());
            services.TryAddSingleton<IRuntimeAssetInstaller>(sp => new RuntimeAssetInstaller(
                new RuntimeAssetOptions
                {
                    CacheDirectory = options.CacheDir,
                    RateLimit = options.AssetsRateLimit,
                    BurstLimit = options.AssetsBurstLimit,
                    TrustedCaFile = string.IsNullOrEmpty(options.TrustedCaFile) ? null : options.TrustedCaFile,
                },
                sp.GetRequiredService<IJavaScriptEngine>(),
                timeProvider: sp.GetRequiredService<TimeProvider>()));
        }
        if (!string.IsNullOrEmpty(options.AllowList))
            services.AddSingleton(AllowList.Load(options.AllowList));
        services.AddSingleton(sp => new CheckExecutor(
            sp.GetRequiredService<IProcessRunner>(),
            sp.GetService<IRuntimeAssetInstaller>(),
            sp.GetService<AllowList>(),
            sp.GetRequiredService<AgentEventFactory>(),
            sp.GetRequiredService<AgentEntityProvider>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CheckExecutor>>()));
        services.AddSingleton<CheckDispatcher>();

        // Hosted services stop in reverse order: inputs first, then the connection, then running checks.
        services.AddHostedService(sp => sp.GetRequiredService<CheckDispatcher>());
        services.AddSingleton<AgentConnectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentConnectionService>());
        if (!options.DisableApi)
        {
            services.AddSingleton<AgentApiServer>();
            services.AddHostedService(sp => sp.GetRequiredService<AgentApiServer>());
        }
        if (!options.DisableSockets)
        {
            services.AddSingleton<SocketServer>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketServer>());
        }
        if (!options.StatsdDisable)
        {
            services.AddSingleton<StatsdServer>();
            services.AddHostedService(sp => sp.GetRequiredService<StatsdServer>());
        }
        return services;
    }
}
