using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Apid;

/// <summary><c>/api/core/v2/tessen</c>: one cluster-wide telemetry setting (we send no telemetry either way).</summary>
public static class TessenEndpoints
{
    private const string Name = "tessen";

    public static IEndpointRouteBuilder MapTessenEndpoints(this IEndpointRouteBuilder app)
    {
        var path = ResourceRegistry.For<TessenConfig>().CollectionPath(null);
        app.MapGet(path, async (ResourceService resources, CancellationToken cancellationToken) =>
        {
            var config = await resources.GetAsync<TessenConfig>(null, Name, cancellationToken) ?? new TessenConfig();
            return ResourceBodies.Json(JsonSerializer.SerializeToNode(config, SensuJsonContext.Default.TessenConfig)!);
        });
        app.MapPut(path, async (HttpContext context, ResourceService resources, CancellationToken cancellationToken) =>
        {
            var body = await ResourceBodies.ReadAsync(context.Request, cancellationToken);
            var config = JsonSerializer.Deserialize(body, SensuJsonContext.Default.TessenConfig) ?? throw ResourceException.Invalid("tessen body is null");
            config.Metadata = new Sensu.Core.Meta.ObjectMeta { Name = Name };
            await resources.PutAsync(config, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        return app;
    }
}
