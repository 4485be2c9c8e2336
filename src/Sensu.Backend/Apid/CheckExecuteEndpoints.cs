using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Backend.Schedulerd;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Apid;

/// <summary>
/// <c>POST /checks/{name}/execute</c>: an ad hoc execution request (body <c>{"check", "subscriptions", "reason"}</c>)
/// for an existing check, queued for the scheduler; 202 Accepted like Sensu.
/// </summary>
public static class CheckExecuteEndpoints
{
    public static IEndpointRouteBuilder MapCheckExecuteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ResourceRegistry.For<CheckConfig>().CollectionRoute + "/{name}/execute", ExecuteAsync);
        return app;
    }

    private static async Task<IResult> ExecuteAsync(HttpContext context, ResourceService service, AdhocQueue queue, CancellationToken cancellationToken)
    {
        var ns = ApiRequestContext.RouteNamespace(context) ?? string.Empty;
        var name = ApiRequestContext.RouteName(context);
        var body = context.Request.ContentLength is 0 ? null : JsonNode.Parse(await ResourceBodies.ReadAsync(context.Request, cancellationToken));
        if (body is not null and not JsonObject)
            throw ResourceException.Invalid("body must be {\"check\": NAME, \"subscriptions\": [...], \"reason\": TEXT}");
        var named = body?["check"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(named) && named != name)
            throw ResourceException.Invalid($"the check in the body ({named}) does not match the check on the URI ({name})");
        var subscriptions = body?["subscriptions"] switch
        {
            null => [],
            JsonArray array => array.Select(s => s?.GetValue<string>() ?? throw ResourceException.Invalid("subscriptions must be strings")).ToList(),
            _ => throw ResourceException.Invalid("subscriptions must be a list of strings"),
        };
        var reason = body?["reason"]?.GetValue<string>();

        var check = await service.GetAsync<CheckConfig>(ns, name, cancellationToken)
            ?? throw ResourceException.NotFound($"check \"{name}\" not found in namespace \"{ns}\"");
        if (!queue.TryEnqueue(new AdhocRequest(ns, check.Metadata.Name!, subscriptions, reason, ApiRequestContext.UserName(context))))
            throw new ResourceException(SensuErrorCode.DeadlineExceeded, "the ad hoc request queue is full; try again later");
        var accepted = new JsonObject
        {
            ["check"] = check.Metadata.Name,
            ["subscriptions"] = new JsonArray(subscriptions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["reason"] = reason,
        };
        return new JsonBytesResult(Sensu.Core.Wrapped.JsonText.WriteUtf8(accepted), StatusCodes.Status202Accepted);
    }
}
