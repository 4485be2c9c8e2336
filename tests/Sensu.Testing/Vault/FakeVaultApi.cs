using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sensu.Testing.Vault;

/// <summary>
/// The HTTP side of the fake Vault, after Vault's documented API: KV v1 and v2 read/write, token checks,
/// cert auth login, token renew/lookup, fault injection and a request log.
/// </summary>
internal sealed class FakeVaultApi(FakeVaultStore store, FakeVaultFaults faults, ConcurrentQueue<FakeVaultRequest> log)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? "").TrimStart('/');
        var token = request.Headers["X-Vault-Token"].FirstOrDefault();
        if (token is null && request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            token = authorization["Bearer ".Length..];
        var at = TimeProvider.System.GetUtcNow();
        try
        {
            var delay = faults.Delay;
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, context.RequestAborted);
            if (faults.TryTakeFailure(out var status, out var retryAfter))
            {
                if (retryAfter is { } wait)
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ErrorAsync(context, status, FakeVaultFaults.MessageFor(status, faults.Sealed));
            }
            else
            {
                await RouteAsync(context, path, token);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up; nothing to answer.
        }
        finally
        {
            log.Enqueue(new FakeVaultRequest(at, request.Method, "/" + path, token, context.Connection.ClientCertificate is not null, context.Response.StatusCode));
        }
    }

    private async Task RouteAsync(HttpContext context, string path, string? token)
    {
        if (!path.StartsWith("v1/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "unsupported path");
            return;
        }
        path = path["v1/".Length..].Trim('/');
        if (path == "auth/cert/login" && HttpMethods.IsPost(context.Request.Method))
        {
            await CertLoginAsync(context);
            return;
        }
        var caller = store.ValidToken(token);
        if (caller is null)
        {
            await ErrorAsync(context, 403, "permission denied");
            return;
        }
        switch (path)
        {
            case "auth/token/renew-self" when HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method):
                if (!caller.Renewable)
                {
                    await ErrorAsync(context, 400, "lease is not renewable");
                    return;
                }
                await AuthAsync(context, store.Renew(caller));
                return;
            case "auth/token/lookup-self":
                var ttl = caller.ExpiresAt is { } expires ? (long)(expires - store.Time.GetUtcNow()).TotalSeconds : 0;
                await JsonAsync(context, 200, new JsonObject { ["data"] = new JsonObject { ["id"] = caller.Id, ["ttl"] = ttl, ["renewable"] = caller.Renewable } });
                return;
        }
        if (!store.TryResolve(path, out var mount, out var version, out var rest) || rest.Length == 0)
        {
            await ErrorAsync(context, 404, $"no handler for route \"{path}\". route entry not found.");
            return;
        }
        if (version == 2)
            await KvV2Async(context, mount, rest);
        else
            await KvV1Async(context, mount, rest);
    }

    private async Task KvV1Async(HttpContext context, string mount, string path)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (store.Read(mount, path) is not { } secret)
            {
                await ErrorAsync(context, 404);
                return;
            }
            await JsonAsync(context, 200, new JsonObject
            {
                ["request_id"] = Guid.NewGuid().ToString(), ["lease_id"] = "", ["renewable"] = false,
                ["lease_duration"] = FakeVaultStore.LeaseSeconds(secret.Data), ["data"] = secret.Data.DeepClone(),
                ["wrap_info"] = null, ["warnings"] = null, ["auth"] = null,
            });
            return;
        }
        if (await ReadBodyAsync(context) is not { } body)
        {
            await ErrorAsync(context, 400, "failed to parse JSON input");
            return;
        }
        store.Write(mount, path, body);
        context.Response.StatusCode = 204;
    }

    private async Task KvV2Async(HttpContext context, string mount, string path)
    {
        if (!path.StartsWith("data/", StringComparison.Ordinal))
        {
            await JsonAsync(context, 404, new JsonObject
            {
                ["errors"] = new JsonArray(),
                ["warnings"] = new JsonArray($"Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation."),
            });
            return;
        }
        path = path["data/".Length..];
        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (store.Read(mount, path) is not { } secret)
            {
                await ErrorAsync(context, 404);
                return;
            }
            var document = Envelope(new JsonObject { ["data"] = secret.Deleted ? null : secret.Data.DeepClone(), ["metadata"] = Metadata(secret) });
            await JsonAsync(context, secret.Deleted ? 404 : 200, document);
            return;
        }
        if (await ReadBodyAsync(context) is not { } body || body["data"] is not JsonObject data)
        {
            await ErrorAsync(context, 400, "no data provided");
            return;
        }
        var written = store.Write(mount, path, (JsonObject)data.DeepClone());
        await JsonAsync(context, 200, Envelope(Metadata(written)));
    }

    private async Task CertLoginAsync(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        var name = (await ReadBodyAsync(context))?["name"]?.GetValue<string>();
        if (certificate is null || store.RoleFor(certificate.Thumbprint, name) is not { } role)
        {
            await ErrorAsync(context, 400, "invalid certificate or no client certificate supplied");
            return;
        }
        await AuthAsync(context, store.IssueToken(role.Ttl, role.Renewable));
    }

    private static Task AuthAsync(HttpContext context, FakeVaultToken token) => JsonAsync(context, 200, new JsonObject
    {
        ["request_id"] = Guid.NewGuid().ToString(), ["lease_id"] = "", ["renewable"] = false, ["lease_duration"] = 0, ["data"] = null,
        ["auth"] = new JsonObject
        {
            ["client_token"] = token.Id, ["accessor"] = Guid.NewGuid().ToString(), ["policies"] = new JsonArray("default"),
            ["lease_duration"] = (long)token.Ttl.TotalSeconds, ["renewable"] = token.Renewable, ["token_type"] = "service", ["orphan"] = true,
        },
    });

    private static JsonObject Envelope(JsonObject data) => new()
    {
        ["request_id"] = Guid.NewGuid().ToString(), ["lease_id"] = "", ["renewable"] = false, ["lease_duration"] = 0,
        ["data"] = data, ["wrap_info"] = null, ["warnings"] = null, ["auth"] = null,
    };

    private static JsonObject Metadata(FakeVaultSecret secret) => new()
    {
        ["created_time"] = secret.Created.ToString("O", CultureInfo.InvariantCulture), ["custom_metadata"] = null,
        ["deletion_time"] = secret.Deleted ? secret.Created.ToString("O", CultureInfo.InvariantCulture) : "",
        ["destroyed"] = false, ["version"] = secret.Version,
    };

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, params string[] errors) =>
        JsonAsync(context, status, new JsonObject { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)JsonValue.Create(e))]) });

    private static async Task JsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
