using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>
/// Maps the generic REST routes (list, get, create, create-or-replace, merge patch, delete) for every
/// collection of the registry that has no dedicated router.
/// </summary>
public static class ResourceEndpoints
{
    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app, IReadOnlySet<string> skipStoreKinds)
    {
        var collections = ResourceRegistry.All
            .Where(t => !skipStoreKinds.Contains(t.StoreKind))
            .GroupBy(t => t.CollectionRoute);

        foreach (var group in collections)
        {
            var types = group.ToList();
            var handlers = new ResourceHandlers(types);
            var item = group.Key;

            if (types[0].Namespaced)
                app.MapGet(types[0].CollectionPath(null), handlers.ListAsync);
            app.MapGet(item, handlers.ListAsync);
            app.MapPost(item, handlers.CreateAsync);
            app.MapGet(item + "/{name}", handlers.GetAsync);
            app.MapPut(item + "/{name}", handlers.PutAsync);
            app.MapPost(item + "/{name}", handlers.PutAsync);
            app.MapPatch(item + "/{name}", handlers.PatchAsync);
            app.MapDelete(item + "/{name}", handlers.DeleteAsync);
        }
        return app;
    }

    /// <summary>The handlers of one collection (one or more types sharing it).</summary>
    private sealed class ResourceHandlers(IReadOnlyList<ResourceType> types)
    {
        private ResourceType Primary => types[0];

        public async Task<IResult> ListAsync(HttpContext context, ResourceService service, ResourcePresenter presenter, ListStreamer streamer, ApiLimits limits, CancellationToken cancellationToken)
        {
            var selector = ApiRequestContext.Selector(context);
            var page = ApiRequestContext.Page(context);
            var user = context.User;
            // The store applies what it can of the selector; every resource read is still checked against all of it.
            var filter = SelectorStoreFilter.ForResources(Primary.ClrType, selector);
            var selection = page.Limit == 0 || selector.IsEmpty
                ? null
                : new ListSelection<StoredResource>(
                    (stored, ct) => presenter.SelectsAsync(ResourceService.Decode(stored), user, selector, ct),
                    stored => ContinueToken.After(stored.Key));
            var listing = await service.OpenListAsync(Primary, ApiRequestContext.RouteNamespace(context), filter, page, limits.ListChunkSize, selection, cancellationToken);
            await streamer.WriteAsync(
                context,
                listing,
                (stored, writer, ct) => presenter.WriteAsync(ResourceService.Decode(stored), user, selector, writer, ct),
                cancellationToken);
            return Results.Empty;
        }

        public async Task<IResult> GetAsync(HttpContext context, ResourceService service, ResourcePresenter presenter, CancellationToken cancellationToken)
        {
            var resource = await service.GetAsync(Primary, ApiRequestContext.RouteNamespace(context), ApiRequestContext.RouteName(context), cancellationToken)
                ?? throw ResourceException.NotFound();
            return ResourceBodies.Json(await presenter.PresentAsync(resource, context.User, cancellationToken)
                ?? throw ResourceException.NotFound());
        }

        public async Task<IResult> CreateAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
        {
            var resource = await ReadAsync(context, null, cancellationToken);
            await service.CreateAsync(resource, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }

        public async Task<IResult> PutAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
        {
            var resource = await ReadAsync(context, ApiRequestContext.RouteName(context), cancellationToken);
            await service.PutAsync(resource, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }

        public async Task<IResult> PatchAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
        {
            var ns = ApiRequestContext.RouteNamespace(context);
            var name = ApiRequestContext.RouteName(context);
            var existing = await service.GetAsync(Primary, ns, name, cancellationToken)
                ?? throw ResourceException.NotFound();
            var patch = JsonNode.Parse(await ResourceBodies.ReadAsync(context.Request, cancellationToken))
                ?? throw ResourceException.Invalid("patch body must be a JSON object");
            var merged = JsonMergePatch.Apply(ResourceBodies.Encode(existing), patch);
            var type = ResourceRegistry.For(existing);
            var resource = ResourceBodies.Decode([type], System.Text.Encoding.UTF8.GetBytes(merged.ToJsonString()));
            CheckMeta(context, resource, ns, name);
            await service.PutAsync(resource, cancellationToken);
            return Results.NoContent();
        }

        public async Task<IResult> DeleteAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
        {
            var deleted = await service.DeleteAsync(Primary, ApiRequestContext.RouteNamespace(context), ApiRequestContext.RouteName(context), cancellationToken);
            return deleted ? Results.NoContent() : throw ResourceException.NotFound();
        }

        private async Task<IResource> ReadAsync(HttpContext context, string? urlName, CancellationToken cancellationToken)
        {
            var body = await ResourceBodies.ReadAsync(context.Request, cancellationToken);
            var resource = ResourceBodies.Decode(types, body);
            CheckMeta(context, resource, ApiRequestContext.RouteNamespace(context), urlName);
            return resource;
        }

        /// <summary>Fills name/namespace from the URL when the body has none; a different one is a 400 (Sensu's CheckMeta).</summary>
        private static void CheckMeta(HttpContext context, IResource resource, string? urlNamespace, string? urlName)
        {
            var meta = resource.Metadata;
            var type = ResourceRegistry.For(resource);
            if (type.Namespaced && urlNamespace is not null)
            {
                if (string.IsNullOrEmpty(meta.Namespace))
                    meta.Namespace = urlNamespace;
                else if (meta.Namespace != urlNamespace)
                    throw ResourceException.Invalid($"the namespace of the resource ({meta.Namespace}) does not match the namespace on the URI ({urlNamespace})");
            }
            if (urlName is not null)
            {
                if (string.IsNullOrEmpty(meta.Name))
                    meta.Name = urlName;
                else if (meta.Name != urlName)
                    throw ResourceException.Invalid($"the name of the resource ({meta.Name}) does not match the name on the URI ({urlName})");
            }
            resource.Metadata = meta;
            if (ApiRequestContext.UserName(context) is { } user)
            {
                var withCreator = resource.Metadata;
                withCreator.CreatedBy = user;
                resource.Metadata = withCreator;
            }
        }
    }
}
