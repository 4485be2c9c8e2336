using Sensu.Backend.Eventd;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Backend.Secrets.Env;
using Sensu.Backend.Secrets.Vault;
using Sensu.Backend.Apid;
using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Store.Sqlite;
using Sensu.Testing.Vault;
using Sensu.Backend.Hosting;

namespace Sensu.Benchmarks;

/// <summary>
/// Secret resolution with a warm cache (issue 4): the per-lookup cost of <see cref="SecretsResolver"/> for the
/// env provider (never cached: a process environment read) and for a Vault provider against the fake Vault
/// (KV v2, cached for the default TTL, so no request reaches Vault while measuring), and the bare cache hit.
/// The setup checks that the measured Vault runs made no request.
/// </summary>
[MemoryDiagnoser]
public class SecretResolutionBenchmarks
{
    private const string Variable = "SENSU_BENCH_SECRET";

    private readonly List<SecretReference> _env = [new() { Name = "TOKEN", Secret = "env-secret" }];
    private readonly List<SecretReference> _vault = [new() { Name = "TOKEN", Secret = "vault-secret" }];
    private string _dir = "";
    private FakeVault _fakeVault = null!;
    private ServiceProvider _services = null!;
    private SecretsResolver _resolver = null!;
    private SecretCache _cache = null!;
    private ISecretProvider _vaultProvider = null!;
    private int _vaultRequestsAfterWarmUp;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Environment.SetEnvironmentVariable(Variable, "bench-env-value-0001");
        _fakeVault = await FakeVault.StartAsync();
        _fakeVault.WriteSecret("secret", "bench", new Dictionary<string, object?> { ["key"] = "bench-vault-value-0001" });

        _dir = Directory.CreateTempSubdirectory("sensu-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteStore(new SqliteStoreOptions { StateDirectory = _dir });
        services.AddSingleton<ResourceService>();
        services.AddSingleton<IEventWriter, DiscardingEventWriter>();
        services.AddSecrets(o => o.DefaultTtl = TimeSpan.FromHours(1)).AddEnvSecretProvider().AddVaultSecretProvider();
        _services = services.BuildServiceProvider();
        var resources = _services.GetRequiredService<ResourceService>();
        await resources.PutAsync(new Namespace("default"), CancellationToken.None);
        await resources.PutAsync(new EnvProvider { Metadata = new ObjectMeta { Name = "env" } }, CancellationToken.None);
        await resources.PutAsync(new VaultProvider
        {
            Metadata = new ObjectMeta { Name = "vault" },
            Client = new VaultClientConfig { Address = _fakeVault.Address, Token = _fakeVault.RootToken, Version = "v2", Timeout = TimeSpan.FromSeconds(10) },
        }, CancellationToken.None);
        await resources.PutAsync(new Secret { Id = Variable, Provider = "env", Metadata = new ObjectMeta { Name = "env-secret", Namespace = "default" } }, CancellationToken.None);
        await resources.PutAsync(new Secret { Id = "secret/bench#key", Provider = "vault", Metadata = new ObjectMeta { Name = "vault-secret", Namespace = "default" } }, CancellationToken.None);
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StartAsync(CancellationToken.None);

        _resolver = _services.GetRequiredService<SecretsResolver>();
        _cache = _services.GetRequiredService<SecretCache>();
        var registry = _services.GetRequiredService<SecretProviderRegistry>();
        await registry.WaitReadyAsync(CancellationToken.None);
        var deadline = Environment.TickCount64 + 30_000;
        while (registry.Find("vault") is null || _services.GetRequiredService<SecretCatalog>().Find("default", "vault-secret") is null)
        {
            if (Environment.TickCount64 > deadline)
                throw new InvalidOperationException("the vault provider and secrets were not loaded within 30 s");
            await Task.Delay(20);
        }
        _vaultProvider = registry.Find("vault")!;
        await _resolver.ResolveAsync("default", _vault, "benchmark", CancellationToken.None);
        _vaultRequestsAfterWarmUp = _fakeVault.Requests.Count;
    }

    [Benchmark(Baseline = true, Description = "env provider, per lookup")]
    public Task<IReadOnlyList<(string EnvName, SecretValue Value)>> ResolveEnv() =>
        _resolver.ResolveAsync("default", _env, "benchmark", CancellationToken.None);

    [Benchmark(Description = "Vault provider, warm cache, per lookup")]
    public Task<IReadOnlyList<(string EnvName, SecretValue Value)>> ResolveVaultWarm() =>
        _resolver.ResolveAsync("default", _vault, "benchmark", CancellationToken.None);

    [Benchmark(Description = "SecretCache hit alone")]
    public Task<(SecretLookup Lookup, bool FromCache)> CacheHit() =>
        _cache.GetAsync(_vaultProvider, "secret/bench#key", CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var extra = _fakeVault.Requests.Count - _vaultRequestsAfterWarmUp;
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await _fakeVault.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        if (extra != 0)
            throw new InvalidOperationException($"{extra} Vault requests were made for a cached value within its TTL");
    }

    /// <summary>The backend's own <c>secrets</c> events go nowhere here: only resolution is measured.</summary>
    private sealed class DiscardingEventWriter : IEventWriter
    {
        public Task WriteAsync(Sensu.Core.Resources.Core.Event ev, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
