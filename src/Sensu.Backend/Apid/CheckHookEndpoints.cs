using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Apid;

/// <summary>
/// <c>PUT /checks/{check}/hooks/{type}</c> adds hooks (body <c>{"hooks": [...]}</c>) to a check's hook list of
/// that severity; <c>DELETE /checks/{check}/hooks/{type}/hook/{hook}</c> removes one (core-spec §9.2).
/// </summary>
public static class CheckHookEndpoints
{
    public static IEndpointRouteBuilder MapCheckHookEndpoints(this IEndpointRouteBuilder app)
    {
        var item = ResourceRegistry.For<CheckConfig>().CollectionRoute + "/{name}/hooks/{type}";
        app.MapPut(item, AddAsync);
        app.MapDelete(item + "/hook/{hook}", RemoveAsync);
        return app;
    }

    private static async Task<IResult> AddAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
    {
        var check = await LoadAsync(context, service, cancellationToken);
        var body = JsonNode.Parse(await ResourceBodies.ReadAsync(context.Request, cancellationToken));
        if (body?["hooks"] is not JsonArray hooks || hooks.Any(h => h is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String))
            throw ResourceException.Invalid("body must be {\"hooks\": [\"hook-name\", ...]}");
        var type = ApiRequestContext.RouteName(context, "type");
        var list = check.CheckHooks.FirstOrDefault(l => l.Type == type);
        if (list is null)
        {
            list = new HookList { Type = type };
            check.CheckHooks.Add(list);
        }
        foreach (var hook in hooks.Select(h => h!.GetValue<string>()))
        {
            if (!list.Hooks.Contains(hook))
                list.Hooks.Add(hook);
        }
        await service.PutAsync(check, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken)
    {
        var check = await LoadAsync(context, service, cancellationToken);
        var type = ApiRequestContext.RouteName(context, "type");
        var hook = ApiRequestContext.RouteName(context, "hook");
        var list = check.CheckHooks.FirstOrDefault(l => l.Type == type);
        if (list is null || !list.Hooks.Remove(hook))
            throw ResourceException.NotFound($"check has no {type} hook \"{hook}\"");
        if (list.Hooks.Count == 0)
            check.CheckHooks.Remove(list);
        await service.PutAsync(check, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<CheckConfig> LoadAsync(HttpContext context, ResourceService service, CancellationToken cancellationToken) =>
        await service.GetAsync<CheckConfig>(ApiRequestContext.RouteNamespace(context), ApiRequestContext.RouteName(context), cancellationToken)
            ?? throw ResourceException.NotFound();
}
