using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Metrics;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Registers the <c>/metrics</c> exporter for every <c>sensu.*</c> instrument (<see cref="PrometheusExporter"/>).
/// <c>/metrics</c> needs no credentials, like Sensu's.
/// </summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSensuMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PrometheusExporter>();
        return services;
    }

    public static WebApplication MapSensuMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Created now, so that it listens from the start rather than from the first scrape.
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();
        app.MapGet("/metrics", () => Results.Text(exporter.Scrape(), PrometheusExporter.ContentType));
        return app;
    }
}
