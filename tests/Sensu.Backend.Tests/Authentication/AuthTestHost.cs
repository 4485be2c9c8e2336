using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Apid;
using Sensu.Backend.Authentication;
using Sensu.Backend.Authorization;
using Sensu.Backend.Resources;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Authentication;

/// <summary>
/// An in-process backend with only the auth pieces: the real middleware and endpoints over a real SQLite store,
/// a fake clock, and a stand-in for the generic API that answers 200 "ok" to anything under <c>/api/</c>.
/// </summary>
public sealed class AuthTestHost : IAsyncDisposable
{
    private AuthTestHost(WebApplication app, SqliteTestStore store, FakeTimeProvider time)
    {
        App = app;
        Store = store;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public SqliteTestStore Store { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static Task<AuthTestHost> StartAsync() => StartAsync(null, null);

    /// <summary>Starts over <paramref name="store"/> (default: a new in-memory one), with extra registrations applied after the auth ones.</summary>
    public static async Task<AuthTestHost> StartAsync(SqliteTestStore? store, Action<IServiceCollection>? services)
    {
        store ??= new SqliteTestStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IResourceReader>(store);
        builder.Services.AddSingleton<IResourceWriter>(store);
        builder.Services.AddSingleton<IChangeFeed>(store);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ResourceService>();
        builder.Services.AddSensuAuth();
        builder.Services.AddSensuAuthorization();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseSensuAuthentication();
        app.UseSensuAuthorization();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapApiKeyEndpoints();
        app.MapGet("/health", () => Results.Ok());
        app.MapMethods("/api/{**rest}", ["GET", "PUT", "POST", "PATCH", "DELETE"], () => Results.Text("ok"));
        await app.StartAsync();
        var host = new AuthTestHost(app, store, time);
        await host.PutAsync(new Namespace("default"));
        await host.PutAsync(new Namespace("dev"));
        foreach (var resource in RbacSeeds.ClusterRoles())
            await host.PutAsync(resource);
        foreach (var resource in RbacSeeds.ClusterRoleBindings())
            await host.PutAsync(resource);
        return host;
    }

    /// <summary>Writes straight to the store; for users and API keys, returns once the authentication view has seen the write.</summary>
    public async Task PutAsync(IResource resource)
    {
        var (stored, _) = await Store.PutAsync(ResourceService.ToWrite(Core.Registry.ResourceRegistry.For(resource), resource), CancellationToken.None);
        if (resource is User user)
            await WaitForViewAsync(v => v.Users.Get(user.Username!)?.Revision >= stored.Revision);
        else if (resource is ApiKey)
            await WaitForViewAsync(v => v.ApiKeys.Get(stored.Key.Name)?.Revision >= stored.Revision);
    }

    /// <summary>Deletes a user straight from the store and waits until the authentication view has seen it.</summary>
    public async Task DeleteUserAsync(string name)
    {
        Assert.True(await Store.DeleteAsync(UserDirectory.UserKey(name), CancellationToken.None));
        await WaitForViewAsync(v => v.Users.Get(name) is { Value: null });
    }

    /// <summary>Waits (up to 30 s) for a condition on the view the change feed keeps.</summary>
    public async Task WaitForViewAsync(Func<AuthStateView, bool> condition)
    {
        var view = App.Services.GetRequiredService<AuthStateView>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await view.WaitReadyAsync(timeout.Token);
        while (!condition(view))
            await Task.Delay(5, timeout.Token);
    }

    /// <summary>Adds a user with a cheap bcrypt cost (tests only).</summary>
    public Task AddUserAsync(string name, string password, params string[] groups) =>
        PutAsync(new User { Username = name, PasswordHash = PasswordHasher.Hash(password, 4), Groups = [.. groups] });

    public async Task<User?> GetUserAsync(string name) =>
        await App.Services.GetRequiredService<UserDirectory>().FindAsync(name, CancellationToken.None);

    public async Task<TokenPairBody> LoginAsync(string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = Basic(user, password);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), AuthJsonContext.Default.TokenPairBody)!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null, string? body = null, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = auth ?? (bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Client.SendAsync(request);
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>Reads Sensu's error body and returns its code.</summary>
    public static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.TryGetProperty("message", out _));
        return doc.RootElement.GetProperty("code").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }
}
