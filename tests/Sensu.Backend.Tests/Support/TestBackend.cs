using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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

    private TestBackend(WebApplication app, string stateDir, Uri baseAddress)
    {
        _app = app;
        StateDir = stateDir;
        BaseAddress = baseAddress;
    }

    public string StateDir { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestBackend> StartAsync(Action<BackendOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "sensu-test-" + Guid.NewGuid().ToString("N"));
        var options = new BackendOptions
        {
            StateDir = stateDir,
            CacheDir = Path.Combine(stateDir, "cache"),
            ApiListenAddress = "127.0.0.1:0",
            LogLevel = "error",
            ClusterAdminUsername = AdminUser,
            ClusterAdminPassword = AdminPassword,
        };
        configure?.Invoke(options);
        var app = BackendHost.Build(options, []);
        await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestBackend(app, stateDir, new Uri(address));
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
