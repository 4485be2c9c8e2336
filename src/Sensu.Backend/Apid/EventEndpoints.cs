using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Selectors;
using Sensu.Store;
using Sensu.Backend.Eventd;

namespace Sensu.Backend.Apid;

/// <summary>
/// <c>/namespaces/{ns}/events</c> routes (core-spec §9.2): events are keyed by entity and check, not by name.
/// Writes go through Eventd's <see cref="IEventWriter"/>, which fills the event's defaults.
/// </summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var type = ResourceRegistry.For<Event>();
        var root = type.CollectionRoute;

        app.MapGet(type.CollectionPath(null), ListAsync);
        app.MapGet(root, ListAsync);
        app.MapPost(root, CreateAsync);
        app.MapGet(root + "/{entity}", ListAsync);
        app.MapGet(root + "/{entity}/{check}", GetAsync);
        app.MapPut(root + "/{entity}/{check}", PutAsync);
        app.MapPost(root + "/{entity}/{check}", PutAsync);
        app.MapDelete(root + "/{entity}/{check}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IEventStore events, ListStreamer streamer, ApiLimits limits, CancellationToken cancellationToken)
    {
        var entity = context.Request.RouteValues.ContainsKey("entity") ? ApiRequestContext.RouteName(context, "entity") : null;
        var ns = ApiRequestContext.RouteNamespace(context);
        var selector = ApiRequestContext.Selector(context);
        var page = ApiRequestContext.Page(context);
        // The store applies what it can of the selector; every event read is still checked against all of it.
        var filter = SelectorStoreFilter.ForEvents(selector);
        var listing = await ChunkedListing<StoredEvent>.OpenAsync(
            (request, ct) => events.ListEventsAsync(ns, entity, filter, request, ct),
            (a, b) => StoreKeyOrder.Compare(a.Key, b.Key),
            page,
            limits.ListChunkSize,
            Selection(selector, page),
            cancellationToken);
        await streamer.WriteAsync(context, listing, (stored, writer, _) => Write(stored, selector, writer), cancellationToken);
        return Results.Empty;
    }

    /// <summary>With a limit and a selector, a page is filled with selected events (without a limit, <see cref="Write"/> selects).</summary>
    private static ListSelection<StoredEvent>? Selection(Selector selector, PageRequest page) =>
        page.Limit == 0 || selector.IsEmpty
            ? null
            : new((stored, _) => ValueTask.FromResult(selector.Matches(Redacted(stored.Json))), stored => ContinueToken.After(stored.Key));

    /// <summary>Writes one event of a list when the selector selects it (evaluated on the redacted event, as it is shown).</summary>
    private static ValueTask Write(StoredEvent stored, Selector selector, Utf8JsonWriter writer)
    {
        if (selector.IsEmpty && StoredEventText.IsShownAsStored(stored.Json))
        {
            // Nothing to redact or select: the stored document is the answer, written without decoding it.
            writer.WriteRawValue(stored.Json, skipInputValidation: true);
            return ValueTask.CompletedTask;
        }
        var ev = Redacted(stored.Json);
        if (selector.Matches(ev))
            JsonSerializer.Serialize(writer, ev, SensuJsonContext.Default.Event);
        return ValueTask.CompletedTask;
    }

    private static async Task<IResult> GetAsync(HttpContext context, IEventStore events, CancellationToken cancellationToken)
    {
        var stored = await events.GetEventAsync(KeyFromRoute(context), cancellationToken)
            ?? throw ResourceException.NotFound();
        return ResourceBodies.Json(Present(stored.Json));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IEventWriter writer, CancellationToken cancellationToken)
    {
        var ev = await ReadAsync(context, null, null, cancellationToken);
        await writer.WriteAsync(ev, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> PutAsync(HttpContext context, IEventWriter writer, CancellationToken cancellationToken)
    {
        var ev = await ReadAsync(context, ApiRequestContext.RouteName(context, "entity"), ApiRequestContext.RouteName(context, "check"), cancellationToken);
        await writer.WriteAsync(ev, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IEventStore events, CancellationToken cancellationToken)
    {
        var deleted = await events.DeleteEventAsync(KeyFromRoute(context), cancellationToken);
        return deleted ? Results.NoContent() : throw ResourceException.NotFound();
    }

    /// <summary>An event as the API shows it: its entity's redacted labels and annotations stay redacted.</summary>
    private static JsonNode Present(string json) =>
        JsonSerializer.SerializeToNode(Redacted(json), SensuJsonContext.Default.Event)!;

    private static Event Redacted(string json)
    {
        var ev = JsonSerializer.Deserialize(json, SensuJsonContext.Default.Event)!;
        if (ev.Entity is { } entity)
            ev.Entity = entity.GetRedacted();
        return ev;
    }

    private static EventKey KeyFromRoute(HttpContext context) => new(
        ApiRequestContext.RouteNamespace(context) ?? string.Empty,
        ApiRequestContext.RouteName(context, "entity"),
        ApiRequestContext.RouteName(context, "check"));

    /// <summary>Reads an event into the URL's namespace; entity and check names come from the URL when the body lacks them, and must agree otherwise.</summary>
    private static async Task<Event> ReadAsync(HttpContext context, string? entityName, string? checkName, CancellationToken cancellationToken)
    {
        var body = await ResourceBodies.ReadAsync(context.Request, cancellationToken);
        var ev = JsonSerializer.Deserialize(body, SensuJsonContext.Default.Event) ?? throw ResourceException.Invalid("event body is null");
        var ns = ApiRequestContext.RouteNamespace(context) ?? string.Empty;
        if (string.IsNullOrEmpty(ev.Metadata.Namespace))
            ev.Metadata.Namespace = ns;
        else if (ev.Metadata.Namespace != ns)
            throw ResourceException.Invalid($"the namespace of the event ({ev.Metadata.Namespace}) does not match the namespace on the URI ({ns})");

        if (entityName is not null)
        {
            ev.Entity ??= new Entity();
            ev.Entity.Metadata.Name = Agree(ev.Entity.Metadata.Name, entityName, "entity");
            ev.Check ??= new Check();
            ev.Check.Metadata.Name = Agree(ev.Check.Metadata.Name, checkName!, "check");
        }
        return ev; // Eventd fills the rest (EventProcessor.Prepare).
    }

    private static string Agree(string? inBody, string inUrl, string what)
    {
        if (string.IsNullOrEmpty(inBody))
            return inUrl;
        if (inBody != inUrl)
            throw ResourceException.Invalid($"the {what} name of the event ({inBody}) does not match the {what} name on the URI ({inUrl})");
        return inBody;
    }
}
