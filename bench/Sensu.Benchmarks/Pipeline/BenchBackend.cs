using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Apid;
using Sensu.Backend.Caching;
using Sensu.Backend.Hosting;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// A whole backend in-process, as <c>sensu-backend start</c> builds it (<see cref="BackendHost.Build"/>): Kestrel on
/// 127.0.0.1 with free ports, the SQLite store in a temp state dir, every daemon running, logging at error level.
/// </summary>
public sealed class BenchBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchBackend(WebApplication app, string stateDir)
    {
        _app = app;
        StateDir = stateDir;
    }

    public string StateDir { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<BenchBackend> StartAsync(CancellationToken cancellationToken) => StartAsync("full", cancellationToken);

    /// <summary>Same, with the store's <c>--store-sync</c> (<c>full</c>, the default, or <c>normal</c>).</summary>
    public static async Task<BenchBackend> StartAsync(string storeSync, CancellationToken cancellationToken)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "sensu-bench-" + Guid.NewGuid().ToString("N"));
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
            ClusterAdminUsername = "admin",
            ClusterAdminPassword = "P@ssw0rd!",
            StoreSync = storeSync,
        };
        var app = BackendHost.Build(options, []);
        await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return new BenchBackend(app, stateDir);
    }

    /// <summary>Creates or replaces a resource through the API's resource service and waits for the pipeline's cache to see it.</summary>
    public async Task PutCachedAsync<T>(T resource, CancellationToken cancellationToken) where T : class, IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        await Services.GetRequiredService<ResourceService>().PutAsync(resource, cancellationToken);
        var cache = Services.GetRequiredService<ResourceCache<T>>();
        var deadline = Environment.TickCount64 + 30_000;
        while (cache.Get(resource.Metadata.Namespace ?? "default", resource.Metadata.Name!) is null)
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"{typeof(T).Name} {resource.Metadata.Name} did not reach the cache within 30 s");
            await Task.Delay(20, cancellationToken);
        }
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
