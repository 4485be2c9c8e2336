using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Agentd;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Support;

/// <summary>
/// A real backend in-process: real Kestrel on 127.0.0.1 with a free port, real SQLite store in a temp
/// state dir, seeded with an admin user. Dispose stops it and deletes the state dir.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "P@ssw0rd!";

    private readonly WebApplication _app;

    private TestBackend(WebApplication app, string stateDir, Uri baseAddress, Uri agentUrl)
    {
        _app = app;
        StateDir = stateDir;
        BaseAddress = baseAddress;
        AgentUrl = agentUrl;
    }

    public string StateDir { get; }

    public Uri BaseAddress { get; }

    /// <summary>The agent WebSocket listener (<c>ws://</c> or <c>wss://127.0.0.1:PORT</c>).</summary>
    public Uri AgentUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<TestBackend> StartAsync(Action<BackendOptions>? configure = null, CancellationToken cancellationToken = default) =>
        StartAsync(configure, null, cancellationToken);

    /// <summary>Starts with extra service registrations applied after the backend's own (test doubles).</summary>
    public static async Task<TestBackend> StartAsync(Action<BackendOptions>? configure, Action<IServiceCollection>? services, CancellationToken cancellationToken = default)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "sensu-test-" + Guid.NewGuid().ToString("N"));
        var options = new BackendOptions
        {
            StateDir = stateDir,
            CacheDir = Path.Combine(stateDir, "cache"),
            ApiListenAddress = "127.0.0.1:0",
            AgentHost = "127.0.0.1",
            AgentPort = 0,
            DashboardHost = "127.0.0.1",
            DashboardPort = 0,
            LogLevel = "error",
            ClusterAdminUsername = AdminUser,
            ClusterAdminPassword = AdminPassword,
        };
        configure?.Invoke(options);
        var app = BackendHost.Build(options, services is null ? [] : [services]);
        await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var agentUrl = app.Services.GetRequiredService<AgentListener>().Url!;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .First(a => a.Port != agentUrl.Port && a.Port != app.Services.GetRequiredService<Sensu.Backend.Dashboard.DashboardListener>().Port);
        return new TestBackend(app, stateDir, address, agentUrl);
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client logged in through <c>/auth</c> with Basic credentials.</summary>
    public async Task<HttpClient> LoginAsync(string user = AdminUser, string password = AdminPassword, CancellationToken cancellationToken = default)
    {
        var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["access_token"]!.GetValue<string>());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir left behind is harmless.
        }
    }
}
