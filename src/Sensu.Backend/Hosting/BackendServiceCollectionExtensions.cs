using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Apid;

namespace Sensu.Backend.Hosting;

/// <summary>Composes the backend: each concern registers itself.</summary>
public static class BackendServiceCollectionExtensions
{
    public static IServiceCollection AddSensuBackend(this IServiceCollection services, BackendOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddBackendStore(options);
        services.AddApid(options.ApiRequestLimit);
        services.AddBackendAuth();
        services.AddSingleton<ClusterInitializer>();
        return services;
    }

    public static WebApplication UseSensuBackend(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseBackendAuth();
        app.MapBackendAuthEndpoints();
        app.MapApid();
        return app;
    }
}
