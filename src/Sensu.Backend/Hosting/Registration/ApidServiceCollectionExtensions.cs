using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sensu.Backend.Apid;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Hosting;

/// <summary>Registers the REST API's generic core over the domain layer (<see cref="ResourcesServiceCollectionExtensions.AddResources"/>).</summary>
public static class ApidServiceCollectionExtensions
{
    /// <summary>Registers the API's core with its <see cref="ApidOptions"/>, validated at start.</summary>
    public static IServiceCollection AddApid(this IServiceCollection services)
    {
        services.AddOptions<ApidOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddResources();
        services.AddSingleton(sp => new ApiLimits(sp.GetRequiredService<IOptions<ApidOptions>>().Value.RequestLimit));
        services.AddSingleton<ResourcePresenter>();
        services.AddSingleton<ListStreamer>();
        return services;
    }
}
