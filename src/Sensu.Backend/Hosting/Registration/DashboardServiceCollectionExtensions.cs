using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Dashboard;
using Sensu.Backend.Dashboard.Auth;
using Sensu.Backend.Dashboard.Components;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Resources;
using Sensu.Store;

namespace Sensu.Backend.Hosting;

/// <summary>The dashboard's registrations and its pipeline on its own listener.</summary>
public static class DashboardServiceCollectionExtensions
{
    private const string StaticAssetsManifest = "sensu-backend.staticwebassets.endpoints.json";

    /// <summary>Blazor (server-rendered, interactive over SignalR), the dashboard's services, and event-change notices from the event store.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Antiforgery tokens and circuit state are protected with keys held in memory: nothing is written under the
        // service account's home, and a restart only invalidates a sign-in form left open.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<DashboardAuth>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<DashboardEvents>();
        services.AddSingleton<EventActions>();
        services.AddSingleton<Sensu.Backend.Dashboard.Resources.DashboardResources>();
        services.AddSingleton<Sensu.Backend.Dashboard.Checks.CheckActions>();
        services.AddSingleton<Sensu.Backend.Dashboard.Silences.SilenceActions>();
        services.AddSingleton<Sensu.Backend.Dashboard.Secrets.DashboardSecrets>();
        services.AddScoped<DashboardUser>();
        services.AddSingleton<EventChanges>();
        DecorateEventStore(services);
        return services;
    }

    /// <summary>
    /// Serves the dashboard on connections that arrived on its listener, with routing of its own: none of its
    /// endpoints is reachable on the API port, and none of the API's on the dashboard port.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app, DashboardListener listener)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(listener);
        app.MapWhen(listener.IsDashboardConnection, dashboard =>
        {
            // A branch of a WebApplication would otherwise add its endpoints to the application's one route table.
            dashboard.Properties.Remove("__GlobalEndpointRouteBuilder");
            // The application's routing ran before this branch and may have chosen an API endpoint: forget it.
            dashboard.Use((context, next) =>
            {
                context.SetEndpoint(null);
                context.Request.RouteValues.Clear();
                return next(context);
            });
            dashboard.UseRouting();
            dashboard.UseMiddleware<DashboardSignInGate>();
            dashboard.UseAntiforgery();
            dashboard.UseEndpoints(endpoints =>
            {
                // The framework's script (blazor.web.js) as the build or publish described it; a host without the
                // manifest (a test assembly loading the backend) still serves every page, without interactivity.
                var manifest = Path.Combine(AppContext.BaseDirectory, StaticAssetsManifest);
                if (File.Exists(manifest))
                    endpoints.MapStaticAssets(manifest);
                endpoints.MapDashboardEndpoints();
                endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
            });
            dashboard.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    /// <summary>Wraps the registered <see cref="IEventStore"/> so that its writes and deletes reach <see cref="EventChanges"/>.</summary>
    private static void DecorateEventStore(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IEventStore));
        if (existing is null)
            return;
        services.Remove(existing);
        services.AddSingleton<IEventStore>(sp => new NotifyingEventStore(Resolve(sp, existing), sp.GetRequiredService<EventChanges>()));
    }

    private static IEventStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IEventStore
        ?? (descriptor.ImplementationFactory is { } factory
            ? (IEventStore)factory(services)
            : (IEventStore)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
