using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Agentd;
using Sensu.Backend.Apid;
using Sensu.Backend.Authentication;
using Sensu.Backend.Cluster;
using Sensu.Backend.Eventd;
using Sensu.Backend.Keepalived;
using Sensu.Backend.Metrics;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Schedulerd;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Env;
using Sensu.Backend.Secrets.Vault;
using Sensu.Backend.Authorization;
using Sensu.Backend.Dashboard;

namespace Sensu.Backend.Hosting;

/// <summary>Composes the backend: each concern registers itself.</summary>
public static class BackendServiceCollectionExtensions
{
    public static IServiceCollection AddSensuBackend(this IServiceCollection services, BackendOptions options)
    {
        services.AddSingleton(options);
        services.AddBackendOptions(options);
        services.AddSingleton(TimeProvider.System);
        services.AddBackendStore(BackendOptionsBinding.Store(options));
        services.AddApid();
        services.AddEventd();
        services.AddPipelined();
        services.AddCluster();
        services.Configure<ClusterOptions>(cluster => cluster.ApiUrl = options.ApiUrl);
        services.AddAgentd();
        services.AddAgentdCluster();
        services.AddKeepalived();
        services.AddSchedulerd();
        services.AddSensuMetrics();
        services.AddSensuAuth();
        services.AddSensuAuthorization();
        services.AddSecrets();
        services.AddEnvSecretProvider();
        services.AddVaultSecretProvider();
        services.AddSingleton<IClusterSeeds, ClusterSeeds>();
        services.AddSingleton<ClusterInitializer>();
        services.AddDashboard();
        return services;
    }

    public static WebApplication UseSensuBackend(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseSensuAuthentication();
        app.UseSensuAuthorization();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapApiKeyEndpoints();
        app.MapApid();
        app.MapSensuMetrics();
        app.MapAgentd();
        return app;
    }
}
