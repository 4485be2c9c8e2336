using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary><c>/silenced/subscriptions/{subscription}</c> and <c>/silenced/checks/{check}</c>: silences narrowed to one subscription or check.</summary>
public static class SilencedEndpoints
{
    public static IEndpointRouteBuilder MapSilencedEndpoints(this IEndpointRouteBuilder app)
    {
        var collection = ResourceRegistry.For<Silenced>().CollectionRoute;
        app.MapGet(collection + "/subscriptions/{subscription}", (HttpContext c, ResourceService s, ResourcePresenter p, CancellationToken ct) =>
            ListAsync(c, s, p, silence => silence.Subscription == ApiRequestContext.RouteName(c, "subscription"), ct));
        app.MapGet(collection + "/checks/{check}", (HttpContext c, ResourceService s, ResourcePresenter p, CancellationToken ct) =>
            ListAsync(c, s, p, silence => silence.Check == ApiRequestContext.RouteName(c, "check"), ct));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ResourceService service, ResourcePresenter presenter, Func<Silenced, bool> predicate, CancellationToken cancellationToken)
    {
        var page = await service.ListAsync(ResourceRegistry.For<Silenced>(), ApiRequestContext.RouteNamespace(context), PageRequest.All, cancellationToken).ConfigureAwait(false);
        var array = new JsonArray();
        foreach (var silence in page.Items.OfType<Silenced>().Where(predicate))
        {
            if (await presenter.PresentAsync(silence, context.User, cancellationToken).ConfigureAwait(false) is { } shown)
                array.Add(shown);
        }
        return ResourceBodies.Json(array);
    }
}
