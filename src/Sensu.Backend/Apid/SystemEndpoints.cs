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

        app.MapGet("/health", async (IStoreHealth store, ClusterMembership cluster, HttpContext context, CancellationToken cancellationToken) =>
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
            var body = new HealthBody(null, Members(cluster, error, healthy), new HealthHeader(1, BackendIdentity.MemberNumber(cluster.Identity.Id))) { StoreCondition = condition };
            return Results.Json(body, ApidJsonContext.Default.HealthBody, statusCode: healthy ? 200 : 503);
        });
        return app;
    }

    /// <summary>
    /// Each live backend of the cluster (this one always), all sharing the store's health: a backend whose store
    /// answers is healthy. Names are the backends' ids; the URLs are ours, beside Sensu's keys.
    /// </summary>
    private static List<ClusterMemberHealth> Members(ClusterMembership cluster, string error, bool healthy)
    {
        var members = cluster.Members.Select(m => new ClusterMemberHealth(BackendIdentity.MemberNumber(m.Id), m.Id, error, healthy)
        {
            ApiUrl = m.ApiUrl,
            AgentUrl = m.AgentUrl,
        }).ToList();
        if (members.All(m => m.Name != cluster.Identity.Id))
            members.Insert(0, new ClusterMemberHealth(BackendIdentity.MemberNumber(cluster.Identity.Id), cluster.Identity.Id, error, healthy));
        return members;
    }
}
