using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>
/// <c>/silenced/subscriptions/{subscription}</c> and <c>/silenced/checks/{check}</c>: silences narrowed to one
/// subscription or check, and by the selectors, paged as every list (full pages of matching silences).
/// </summary>
public static class SilencedEndpoints
{
    public static IEndpointRouteBuilder MapSilencedEndpoints(this IEndpointRouteBuilder app)
    {
        var collection = ResourceRegistry.For<Silenced>().CollectionRoute;
        app.MapGet(collection + "/subscriptions/{subscription}", (HttpContext c, ResourceService s, ResourcePresenter p, ListStreamer w, ApiLimits l, CancellationToken ct) =>
            ListAsync(c, s, p, w, l, silence => silence.Subscription == ApiRequestContext.RouteName(c, "subscription"), ct));
        app.MapGet(collection + "/checks/{check}", (HttpContext c, ResourceService s, ResourcePresenter p, ListStreamer w, ApiLimits l, CancellationToken ct) =>
            ListAsync(c, s, p, w, l, silence => silence.Check == ApiRequestContext.RouteName(c, "check"), ct));
        return app;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, ResourceService service, ResourcePresenter presenter, ListStreamer streamer, ApiLimits limits, Func<Silenced, bool> predicate, CancellationToken cancellationToken)
    {
        var type = ResourceRegistry.For<Silenced>();
        var selector = ApiRequestContext.Selector(context);
        var user = context.User;
        var selection = new ListSelection<StoredResource>(
            async (stored, ct) => ResourceService.Decode(stored) is Silenced silence && predicate(silence)
                && await presenter.SelectsAsync(silence, user, selector, ct),
            stored => ContinueToken.After(stored.Key));
        var listing = await service.OpenListAsync(
            type,
            ApiRequestContext.RouteNamespace(context),
            SelectorStoreFilter.ForResources(type.ClrType, selector),
            ApiRequestContext.Page(context),
            limits.ListChunkSize,
            selection,
            cancellationToken);
        // Each item the listing gives is selected; the presenter writes its API form.
        await streamer.WriteAsync(
            context,
            listing,
            (stored, writer, ct) => presenter.WriteAsync(ResourceService.Decode(stored), user, writer, ct),
            cancellationToken);
        return Results.Empty;
    }
}
