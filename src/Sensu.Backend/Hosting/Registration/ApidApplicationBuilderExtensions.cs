using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Apid;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Hosting;

/// <summary>Maps the REST API: dedicated routers first, then the generic routes for every other collection.</summary>
public static class ApidApplicationBuilderExtensions
{
    public static IEndpointRouteBuilder MapApid(this IEndpointRouteBuilder app)
    {
        app.MapSystemEndpoints();
        app.MapEventEndpoints();
        app.MapTessenEndpoints();
        app.MapSilencedEndpoints();
        app.MapCheckHookEndpoints();
        app.MapCheckExecuteEndpoints();
        var dedicated = new HashSet<string>(StringComparer.Ordinal)
        {
            ResourceRegistry.For<Event>().StoreKind,
            ResourceRegistry.For<TessenConfig>().StoreKind,
        };
        app.MapResourceEndpoints(dedicated);
        return app;
    }
}
