using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary><c>/health</c> and <c>/version</c>: open to everyone, like Sensu's.</summary>
public static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/version", () => Results.Json(
            new VersionBody(BackendVersion.SensuApiLevel, BackendVersion.Product),
            ApidJsonContext.Default.VersionBody));

        app.MapGet("/health", async (IStoreHealth store, HttpContext context, CancellationToken cancellationToken) =>
        {
            var timeout = TimeSpan.FromSeconds(3);
            if (int.TryParse(context.Request.Query["timeout"], out var seconds) && seconds > 0)
                timeout = TimeSpan.FromSeconds(seconds);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            string error;
            string? condition = null;
            try
            {
                await store.PingAsync(cts.Token);
                error = string.Empty;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = "store health check timed out";
                condition = StoreConditions.Name(StoreCondition.Busy);
            }
            catch (StoreUnavailableException ex)
            {
                // The condition, never the operator's message (it names the database file).
                error = StoreConditions.Describe(ex.Condition);
                condition = StoreConditions.Name(ex.Condition);
            }
            catch (StoreException ex)
            {
                error = ex.Message;
                condition = StoreConditions.Name(StoreCondition.Unavailable);
            }
            var healthy = error.Length == 0;
            var body = new HealthBody(null, [new ClusterMemberHealth(1, "default", error, healthy)], new HealthHeader(1, 1)) { StoreCondition = condition };
            return Results.Json(body, ApidJsonContext.Default.HealthBody, statusCode: healthy ? 200 : 503);
        });
        return app;
    }
}
