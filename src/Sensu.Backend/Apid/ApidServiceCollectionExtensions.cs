using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sensu.Backend.Apid;

/// <summary>Registers the REST API's generic core.</summary>
public static class ApidServiceCollectionExtensions
{
    public static IServiceCollection AddApid(this IServiceCollection services, long requestLimit)
    {
        services.AddSingleton(new ApiLimits(requestLimit));
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
