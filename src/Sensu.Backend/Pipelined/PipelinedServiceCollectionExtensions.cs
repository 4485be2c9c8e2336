using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Hosting;
using Sensu.Execution;

namespace Sensu.Backend.Pipelined;

/// <summary>Registers <see cref="Pipelined"/> as the backend's <see cref="IEventPipeline"/> and hosted service.</summary>
public static class PipelinedServiceCollectionExtensions
{
    public static IServiceCollection AddPipelined(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ProcessRunnerOptions());
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton<HandlerExpander>();
        services.TryAddSingleton<HandlerRunner>();
        services.TryAddSingleton<Pipelined>();
        services.Replace(ServiceDescriptor.Singleton<IEventPipeline>(sp => sp.GetRequiredService<Pipelined>()));
        services.AddHostedService(sp => sp.GetRequiredService<Pipelined>());
        return services;
    }
}
