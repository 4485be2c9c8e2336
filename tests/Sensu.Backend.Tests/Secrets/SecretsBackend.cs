using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// A real backend in-process (like <see cref="TestBackend"/>) whose log output, at debug level, goes through the
/// same scrubbing wrap as the console to a <see cref="CapturingLoggerProvider"/>: what an operator would read.
/// Helpers put resources and events through the API and wait for what the pipeline does.
/// </summary>
internal sealed class SecretsBackend : IAsyncDisposable
{
    private readonly TestBackend _backend;

    private SecretsBackend(TestBackend backend, CapturingLoggerProvider logs)
    {
        _backend = backend;
        Logs = logs;
    }

    public string StateDir => _backend.StateDir;

    public Uri BaseAddress => _backend.BaseAddress;

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _backend.Services;

    public HttpClient Admin { get; private set; } = null!;

    public static async Task<SecretsBackend> StartAsync(Action<IServiceCollection>? services = null, string logLevel = "debug")
    {
        var logs = new CapturingLoggerProvider();
        var backend = await TestBackend.StartAsync(
            options =>
            {
                options.LogLevel = logLevel;
                options.PipelinedWorkers = 2;
            },
            s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                services?.Invoke(s);
            });
        var secrets = new SecretsBackend(backend, logs);
        secrets.Admin = await secrets.LoginAsync(TestBackend.AdminUser, TestBackend.AdminPassword);
        return secrets;
    }

    public HttpClient Anonymous() => _backend.Anonymous();

    public Task<HttpClient> LoginAsync(string user, string password) => _backend.LoginAsync(user, password);

    /// <summary>PUTs a wrapped or bare resource body; asserts 200/201.</summary>
    public async Task PutAsync(string path, string json)
    {
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Put, path, json);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT {path}: {(int)status} {body}");
    }

    public Task PutEnvSecretAsync(string name, string variable) =>
        PutAsync($"/api/enterprise/secrets/v1/namespaces/default/secrets/{name}",
            SecretJson(name, "env", variable));

    public Task PutSecretAsync(string name, string provider, string id) =>
        PutAsync($"/api/enterprise/secrets/v1/namespaces/default/secrets/{name}",
            SecretJson(name, provider, id));

    private static string SecretJson(string name, string provider, string id) => new JsonObject
    {
        ["type"] = "Secret",
        ["api_version"] = "secrets/v1",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["id"] = id, ["provider"] = provider },
    }.ToJsonString();

    /// <summary>A VaultProvider named <paramref name="name"/>; <paramref name="client"/> is the JSON of <c>spec.client</c>.</summary>
    public Task PutVaultProviderAsync(string name, string client) =>
        PutAsync($"/api/enterprise/secrets/v1/providers/{name}",
            new JsonObject
            {
                ["type"] = "VaultProvider",
                ["api_version"] = "secrets/v1",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["spec"] = new JsonObject { ["client"] = JsonNode.Parse(client) },
            }.ToJsonString());

    /// <summary>A pipe handler in <c>default</c> running <paramref name="command"/> with one secret as <paramref name="variable"/>.</summary>
    public Task PutHandlerAsync(string name, string command, string variable, string secret) =>
        PutAsync($"/api/core/v2/namespaces/default/handlers/{name}",
            new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
                ["type"] = "pipe",
                ["command"] = command,
                ["timeout"] = 30,
                ["secrets"] = new JsonArray(new JsonObject { ["name"] = variable, ["secret"] = secret }),
            }.ToJsonString());

    /// <summary>PUTs an event for entity <c>web1</c> with <paramref name="handlers"/>; asserts it was accepted.</summary>
    public async Task PutEventAsync(string check, int status, string output, params string[] handlers)
    {
        var body = new JsonObject
        {
            ["entity"] = new JsonObject { ["entity_class"] = "proxy", ["metadata"] = new JsonObject { ["name"] = "web1", ["namespace"] = "default" } },
            ["check"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = check, ["namespace"] = "default" },
                ["status"] = status,
                ["output"] = output,
                ["handlers"] = new JsonArray(handlers.Select(h => (JsonNode)JsonValue.Create(h)!).ToArray()),
            },
        }.ToJsonString();
        var (code, answer) = await Admin.SendJsonAsync(HttpMethod.Put, $"/api/core/v2/namespaces/default/events/web1/{check}", body);
        Assert.True(code is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted, $"PUT event: {(int)code} {answer}");
    }

    /// <summary>The stored event of <paramref name="entity"/>/<paramref name="check"/> in <paramref name="namespace"/>, or null.</summary>
    public async Task<JsonNode?> GetEventAsync(string @namespace, string entity, string check)
    {
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Get, $"/api/core/v2/namespaces/{@namespace}/events/{entity}/{check}", null);
        return status == HttpStatusCode.OK ? JsonNode.Parse(body) : null;
    }

    /// <summary>Waits until the backend's <c>secrets</c> event has <paramref name="status"/>; returns it.</summary>
    public async Task<JsonNode> WaitForSecretsEventAsync(int status, TimeSpan? timeout = null)
    {
        var entity = Services.GetRequiredService<BackendEntity>().Name;
        JsonNode? last = null;
        await EventuallyAsync(async () =>
        {
            last = await GetEventAsync(BackendEntity.Namespace, entity, "secrets");
            return last?["check"]?["status"]?.GetValue<int>() == status;
        }, timeout, () => $"secrets event with status {status}; last: {last?.ToJsonString() ?? "none"}");
        return last!;
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/health");
        return response.StatusCode;
    }

    public Task WaitForLogAsync(Func<string, bool> match, string what, TimeSpan? timeout = null) =>
        EventuallyAsync(() => Task.FromResult(Logs.Lines.Any(match)), timeout, () => what);

    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? what = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("not met in time: " + (what?.Invoke() ?? "condition"));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        await _backend.DisposeAsync();
    }
}
