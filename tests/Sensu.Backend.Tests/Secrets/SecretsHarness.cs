using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;
using Sensu.Backend.Secrets.Env;
using Sensu.Backend.Apid;
using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Store;
using Sensu.Store.Sqlite;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Backend.Secrets.Vault;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// The secrets services over the real SQLite store in a temp dir, with the registry running as it does in the
/// backend and every log line captured.
/// </summary>
internal sealed class SecretsHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dir;

    private SecretsHarness(ServiceProvider services, string dir, CapturingLoggerProvider logs)
    {
        _services = services;
        _dir = dir;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public ResourceService Resources => _services.GetRequiredService<ResourceService>();

    public SecretProviderRegistry Registry => _services.GetRequiredService<SecretProviderRegistry>();

    public SecretsResolver Resolver => _services.GetRequiredService<SecretsResolver>();

    public SecretCache Cache => _services.GetRequiredService<SecretCache>();

    public SecretScrubber Scrubber => _services.GetRequiredService<SecretScrubber>();

    public IServiceProvider Services => _services;

    public static async Task<SecretsHarness> StartAsync(ISecretProviderFactory? vault = null, bool withEnvProvider = true)
    {
        var dir = Directory.CreateTempSubdirectory("sensu-secrets-").FullName;
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddSqliteStore(new SqliteStoreOptions { StateDirectory = dir });
        services.AddSingleton<ResourceService>();
        services.AddSingleton<IEventWriter>(new CapturingEventWriter());
        services.AddSecrets();
        services.AddEnvSecretProvider();
        if (vault is not null)
            services.AddSingleton(vault);
        else
            services.AddSingleton<ISecretProviderFactory, VaultSecretProviderFactory>();
        var provider = services.BuildServiceProvider();
        var harness = new SecretsHarness(provider, dir, logs);
        await harness.Resources.PutAsync(new Namespace("default"), CancellationToken.None);
        await harness.Resources.PutAsync(new Namespace("ops"), CancellationToken.None);
        if (withEnvProvider)
            await harness.Resources.PutAsync(new EnvProvider { Metadata = new ObjectMeta { Name = "env" } }, CancellationToken.None);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(CancellationToken.None);
        await harness.Registry.WaitReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return harness;
    }

    public Task PutSecretAsync(string @namespace, string name, string provider, string id) =>
        Resources.PutAsync(new Secret { Id = id, Provider = provider, Metadata = new ObjectMeta { Name = name, Namespace = @namespace } }, CancellationToken.None);

    /// <summary>Waits (real time) until the registry has seen a change.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("condition not met within 30 s");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
