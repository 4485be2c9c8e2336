using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Sensu.Backend.Apid;

/// <summary>Registers the REST API's generic core.</summary>
public static class ApidServiceCollectionExtensions
{
    /// <summary>Registers the API's core with its <see cref="ApidOptions"/>, validated at start.</summary>
    public static IServiceCollection AddApid(this IServiceCollection services)
    {
        services.AddOptions<ApidOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ApiLimits(sp.GetRequiredService<IOptions<ApidOptions>>().Value.RequestLimit));
        services.AddSingleton<ResourceService>();
        services.AddSingleton<ResourcePresenter>();
        services.AddSingleton<ListStreamer>();
        services.AddSingleton<Schedulerd.AdhocQueue>();
        services.AddSingleton<IResourceWriteHook, EntityWriteHook>();
        services.AddSingleton<IResourceWriteHook, SilencedWriteHook>();
        services.AddSingleton<IResourceOutputFilter, EntityRedactionFilter>();
        return services;
    }
}
