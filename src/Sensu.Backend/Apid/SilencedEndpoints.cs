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
        app.MapGet(collection + "/subscriptions/{subscription}", (HttpContext c, ResourceService s, ResourcePresenter p, ListStreamer w, ApiLimits l, CancellationToken ct) =>
            ListAsync(c, s, p, w, l, silence => silence.Subscription == ApiRequestContext.RouteName(c, "subscription"), ct));
        app.MapGet(collection + "/checks/{check}", (HttpContext c, ResourceService s, ResourcePresenter p, ListStreamer w, ApiLimits l, CancellationToken ct) =>
            ListAsync(c, s, p, w, l, silence => silence.Check == ApiRequestContext.RouteName(c, "check"), ct));
        return app;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, ResourceService service, ResourcePresenter presenter, ListStreamer streamer, ApiLimits limits, Func<Silenced, bool> predicate, CancellationToken cancellationToken)
    {
        var listing = await service.OpenListAsync(ResourceRegistry.For<Silenced>(), ApiRequestContext.RouteNamespace(context), PageRequest.All, limits.ListChunkSize, cancellationToken).ConfigureAwait(false);
        var user = context.User;
        await streamer.WriteAsync(
            context,
            listing,
            (stored, writer, ct) => ResourceService.Decode(stored) is Silenced silence && predicate(silence)
                ? presenter.WriteAsync(silence, user, writer, ct)
                : ValueTask.CompletedTask,
            cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }
}
