using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Apid;

/// <summary>Registers the REST API's generic core over the domain layer (<see cref="ResourcesServiceCollectionExtensions.AddResources"/>).</summary>
public static class ApidServiceCollectionExtensions
{
    public static IServiceCollection AddApid(this IServiceCollection services, long requestLimit)
    {
        services.AddResources();
        services.AddSingleton(new ApiLimits(requestLimit));
        services.AddSingleton<ResourcePresenter>();
        services.AddSingleton<ListStreamer>();
        return services;
    }
}
