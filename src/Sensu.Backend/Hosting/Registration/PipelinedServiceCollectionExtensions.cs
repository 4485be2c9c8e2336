using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sensu.Backend.Caching;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Assets;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Pipelined;
using Sensu.Core.Resources.Core;
using Sensu.Execution;
using Sensu.Execution.Assets;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Registers <see cref="Pipelined"/> as the backend's <see cref="IEventPipeline"/> and hosted service, the caches it
/// reads its configuration from, the base environment of pipe handlers and mutators (<c>--child-env-allow-list</c>), the runtime asset installer (<c>--cache-dir</c>, <c>--assets-rate-limit</c>,
/// <c>--assets-burst-limit</c>, <c>--trusted-ca-file</c>; TryAdd, so other daemons share it), its stage kinds (filters, mutators, handlers; built-ins before resources), the mutator and handler kinds (one line per <c>type</c>) and, with
/// <c>--event-log-file</c>, the <see cref="EventLogWriter"/>.
/// </summary>
public static class PipelinedServiceCollectionExtensions
{
    /// <summary>Registers the pipeline with its <see cref="PipelinedOptions"/>, validated at start.</summary>
    public static IServiceCollection AddPipelined(this IServiceCollection services)
    {
        services.AddOptions<PipelinedOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton(new ProcessRunnerOptions());
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton(sp => Secrets.ChildEnvironmentAllowList.BaseEnvironment(
            sp.GetRequiredService<IOptions<PipelinedOptions>>().Value.ChildEnvAllowList,
            sp.GetRequiredService<IOptions<Secrets.SecretsOptions>>().Value.Credentials));
        services.TryAddSingleton<IJavaScriptEngine>(sp => new JintJavaScriptEngine(null, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelinedOptions>>().Value;
            return new RuntimeAssetOptions
            {
                CacheDirectory = options.CacheDir,
                RateLimit = options.AssetsRateLimit,
                BurstLimit = options.AssetsBurstLimit,
                TrustedCaFile = options.TrustedCaFile,
            };
        });
        services.TryAddSingleton<IRuntimeAssetInstaller>(sp => new RuntimeAssetInstaller(
            sp.GetRequiredService<RuntimeAssetOptions>(), sp.GetRequiredService<IJavaScriptEngine>(), timeProvider: sp.GetRequiredService<TimeProvider>()));

        services.AddResourceCache<Handler>();
        services.AddResourceCache<EventFilter>();
        services.AddResourceCache<Mutator>();
        services.AddResourceCache<Core.Resources.Core.Pipeline>();
        services.AddResourceCache<Asset>();

        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton<PipelineAssets>();
        services.TryAddSingleton<JavaScriptLibraries>();

        services.AddSingleton<IEventFilterStage, IsIncidentFilter>();
        services.AddSingleton<IEventFilterStage, NotSilencedFilter>();
        services.AddSingleton<IEventFilterStage, HasMetricsFilter>();
        services.AddSingleton<IEventFilterStage, EventFilterStage>();

        services.AddSingleton<IMutatorKind, PipeMutator>();
        services.AddSingleton<IMutatorKind, JavaScriptMutator>();
        services.AddSingleton<IEventMutatorStage, JsonMutator>();
        services.AddSingleton<IEventMutatorStage, OnlyCheckOutputMutator>();
        services.AddSingleton<IEventMutatorStage, ResourceMutatorStage>();

        services.TryAddSingleton<HandlerExpander>();
        services.AddSingleton<IHandlerKind, PipeHandler>();
        services.AddSingleton<IHandlerKind, TcpHandler>();
        services.AddSingleton<IHandlerKind, UdpHandler>();
        services.AddSingleton<IEventHandlerStage, ResourceHandlerStage>();

        services.TryAddSingleton<PipelineResolver>();
        services.TryAddSingleton<WorkflowRunner>();
        if (!services.Any(static d => d.ServiceType == typeof(EventLogWriter)))
        {
            services.AddSingleton<EventLogWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<EventLogWriter>());
        }
        services.TryAddSingleton<Pipelined.Pipelined>();
        services.Replace(ServiceDescriptor.Singleton<IEventPipeline>(sp => sp.GetRequiredService<Pipelined.Pipelined>()));
        services.AddHostedService(sp => sp.GetRequiredService<Pipelined.Pipelined>());
        return services;
    }
}
