using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;
using Sensu.Agent.Hosting;
using Sensu.Core.Json;
using Sensu.Core.Validation;

namespace Sensu.Agent.LocalApi;

/// <summary>
/// The agent's HTTP API (core-spec §6.6): <c>POST /events</c> (paced by <see cref="EventsApiLimiter"/>),
/// <c>GET /healthz</c>, <c>GET /version</c>.
/// </summary>
internal static class AgentApiEndpoints
{
    public static IEndpointRouteBuilder MapAgentApi(
        this IEndpointRouteBuilder app, AgentEventFactory events, EventQueue queue, ConnectionState state, EventsApiLimiter limiter, ILogger logger)
    {
        app.MapPost("/events", async (HttpRequest request, CancellationToken ct) =>
        {
            Core.Resources.Core.Event? ev;
            try
            {
                ev = await JsonSerializer.DeserializeAsync(request.Body, SensuJsonContext.Default.Event, ct);
            }
            catch (JsonException ex)
            {
                Log.EventRefused(logger, ex.Message);
                return Results.Text("invalid event: " + ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            if (ev is null)
                return Results.Text("invalid event: empty body", statusCode: StatusCodes.Status400BadRequest);
            try
            {
                events.Complete(ev);
                ev.Validate();
            }
            catch (ResourceValidationException ex)
            {
                Log.EventRefused(logger, ex.Message);
                return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            if (!await limiter.WaitAsync(ct))
            {
                Log.EventRefused(logger, "too many requests waiting for the events rate limit");
                return Results.Text("too many requests", statusCode: StatusCodes.Status429TooManyRequests);
            }
            queue.Publish(ev);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        app.MapGet("/healthz", () => state.Connected
            ? Results.Text("ok\n")
            : Results.Text("sensu backend unavailable\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/version", () => Results.Text(
            new JsonObject { ["sensu_agent"] = AgentVersion.Product, ["api_level"] = AgentVersion.SensuApiLevel }.ToJsonString(),
            "application/json"));
        return app;
    }
}
