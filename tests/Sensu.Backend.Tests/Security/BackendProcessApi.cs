using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>The REST API of a real <see cref="BackendProcess"/>, as its admin: login, PUT, POST an event, wait on the log.</summary>
internal static class BackendProcessApi
{
    public static async Task<HttpClient> AdminAsync(BackendProcess backend, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = backend.ApiUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["access_token"]!.GetValue<string>());
        return client;
    }

    public static async Task PutAsync(HttpClient client, string path, JsonObject body)
    {
        var (status, answer) = await client.SendJsonAsync(HttpMethod.Put, path, body.ToJsonString());
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT {path}: {(int)status} {answer}");
    }

    public static JsonObject PipeHandler(string name, string command, JsonArray? secrets = null, string? mutator = null)
    {
        var handler = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["type"] = "pipe",
            ["command"] = command,
            ["timeout"] = 30,
        };
        if (secrets is not null)
            handler["secrets"] = secrets.DeepClone();
        if (mutator is not null)
            handler["mutator"] = mutator;
        return handler;
    }

    public static JsonObject PipeMutator(string name, string command, JsonArray? secrets = null)
    {
        var mutator = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["command"] = command,
            ["timeout"] = 30,
        };
        if (secrets is not null)
            mutator["secrets"] = secrets.DeepClone();
        return mutator;
    }

    /// <summary>POSTs an event of proxy entity <c>web1</c> to <c>/api/core/v2/namespaces/default/events</c>.</summary>
    public static async Task PostEventAsync(HttpClient client, string check, int status, string output, params string[] handlers)
    {
        var ev = new JsonObject
        {
            ["entity"] = new JsonObject { ["entity_class"] = "proxy", ["metadata"] = new JsonObject { ["name"] = "web1", ["namespace"] = "default" } },
            ["check"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = check, ["namespace"] = "default" },
                ["status"] = status,
                ["output"] = output,
                ["handlers"] = new JsonArray(handlers.Select(h => (JsonNode)JsonValue.Create(h)!).ToArray()),
            },
        };
        var (code, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events", ev.ToJsonString());
        Assert.True(code is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST event: {(int)code} {body}");
    }

    public static async Task EventuallyAsync(BackendProcess backend, Func<bool> condition, string what)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"not met in time: {what}\n{backend.Log.Tail(4000)}");
            await Task.Delay(100);
        }
    }
}
