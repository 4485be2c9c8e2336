using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Apid;

/// <summary><c>POST /api/core/v2/apikeys {"username"}</c> → 201 with <c>Location: /api/core/v2/apikeys/&lt;uuid&gt;</c>.</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ResourceRegistry.For<ApiKey>().CollectionPath(null), CreateAsync).WithOrder(-1);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ResourceService store, UserDirectory users, TimeProvider time, ILoggerFactory logs)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, AuthJsonContext.Default.ApiKeyRequestBody, context.RequestAborted);
            if (string.IsNullOrEmpty(body?.Username))
                throw ResourceException.Invalid("username must not be empty");
            if (await users.FindAsync(body.Username, context.RequestAborted) is null)
                throw ResourceException.NotFound($"user \"{body.Username}\" not found");
            var key = new ApiKey
            {
                Metadata = new ObjectMeta { Name = Guid.NewGuid().ToString(), CreatedBy = SensuPrincipal.Username(context.User) },
                Username = body.Username,
                CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            };
            await store.CreateAsync(key, context.RequestAborted);
            Log.ApiKeyCreated(logs.CreateLogger(typeof(ApiKeyEndpoints)), body.Username);
            return Results.Created(ResourceRegistry.For<ApiKey>().ItemPath(null, key.Metadata.Name), null);
        }
        catch (Exception e) when (ApiErrors.Translate(e) is { } api)
        {
            return ApiErrors.ToResult(api);
        }
    }
}
