using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Agentd;
using Sensu.Backend.Apid;
using Sensu.Backend.Caching;
using Sensu.Backend.Eventd;
using Sensu.Backend.Hosting;
using Sensu.Backend.Keepalived;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Resources;
using Sensu.Backend.Schedulerd;
using Sensu.Backend.Secrets;
using Sensu.Backend.Tests.Eventd;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;
using Sensu.Store;
using Sensu.Store.Sqlite;
using Sensu.Backend.Secrets.Redaction;
using SchedulerdService = Sensu.Backend.Schedulerd.Schedulerd;
using KeepalivedService = Sensu.Backend.Keepalived.Keepalived;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>
/// Eventd, Keepalived and Schedulerd with their real dependencies (SQLite store in a temp dir, caches, secrets
/// resolver) on a <see cref="FakeTimeProvider"/>; Agentd is replaced by a recording publisher and a fixed
/// presence, the pipeline by a recorder.
/// </summary>
public sealed class DaemonHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly string _dir;
    private bool _stopped;

    private DaemonHost(ServiceProvider services, string dir)
    {
        _services = services;
        _dir = dir;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public IServiceProvider Services => _services;

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public RecordingPublisher Publisher => (RecordingPublisher)_services.GetRequiredService<ICheckRequestPublisher>();

    public FixedPresence Presence => (FixedPresence)_services.GetRequiredService<IAgentPresence>();

    public RecordingPipeline Pipeline => (RecordingPipeline)_services.GetRequiredService<IEventPipeline>();

    public ResourceService Resources => _services.GetRequiredService<ResourceService>();

    public IEventStore Events => _services.GetRequiredService<IEventStore>();

    public IEventWriter Writer => _services.GetRequiredService<IEventWriter>();

    public AdhocQueue Adhoc => _services.GetRequiredService<AdhocQueue>();

    public SchedulerdService Schedulerd => _services.GetRequiredService<SchedulerdService>();

    public KeepalivedService Keepalived => _services.GetRequiredService<KeepalivedService>();

    /// <summary>Keepalived's entrance, as Agentd sees it.</summary>
    public Sensu.Backend.Keepalived.IKeepaliveReceiver Keepalives => _services.GetRequiredService<Sensu.Backend.Keepalived.IKeepaliveReceiver>();

    public Sensu.Backend.Eventd.Eventd Eventd => _services.GetRequiredService<Sensu.Backend.Eventd.Eventd>();

    public SecretScrubber Scrubber => _services.GetRequiredService<SecretScrubber>();

    public static async Task<DaemonHost> StartAsync(IJavaScriptEngine? engine = null, string? dir = null, Action<BackendOptions>? configure = null)
    {
        dir ??= Directory.CreateTempSubdirectory("sensu-daemons-").FullName;
        var options = new BackendOptions { StateDir = dir, EventdWorkers = 2, EventdBufferSize = 64, KeepalivedWorkers = 2, KeepalivedBufferSize = 64 };
        configure?.Invoke(options);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Start))
            .AddSqliteStore(new SqliteStoreOptions { StateDirectory = dir })
            .AddBackendOptions(options)
            .AddApid()
            .AddSingleton<IEventPipeline>(new RecordingPipeline())
            .AddSingleton<ICheckRequestPublisher>(new RecordingPublisher())
            .AddSingleton<IAgentPresence>(new FixedPresence())
            .AddEventd()
            .AddSecrets()
            .AddKeepalived()
            .AddSchedulerd();
        if (engine is not null)
            services.AddSingleton(engine);
        var provider = services.BuildServiceProvider();
        var host = new DaemonHost(provider, dir);
        var writer = provider.GetRequiredService<IResourceWriter>();
        var ns = new Namespace { Metadata = new ObjectMeta { Name = "default" } };
        await writer.PutAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", JsonSerializer.Serialize(ns, SensuJsonContext.Default.Namespace)), CancellationToken.None);
        foreach (var hosted in host._hosted)
            await hosted.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<ResourceCache<CheckConfig>>().WaitReadyAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Moves the fake clock forward in steps, letting the loops run between steps.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < total; moved += size)
        {
            Time.Advance(size);
            await Task.Delay(5);
        }
        await Task.Delay(50);
    }

    /// <summary>Moves the fake clock a second at a time until <paramref name="condition"/> holds (at most <paramref name="limit"/>).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        for (var moved = TimeSpan.Zero; !condition(); moved += TimeSpan.FromSeconds(1))
        {
            if (moved > limit)
                throw new TimeoutException("condition not met within the fake time limit");
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        await Task.Delay(50);
    }

    /// <summary>Puts a check and waits until Schedulerd has reconciled with it.</summary>
    public async Task PutCheckAsync(CheckConfig check)
    {
        var before = Schedulerd.Reconciliations;
        await Resources.PutAsync(check, CancellationToken.None);
        await WaitUntilAsync(() => Schedulerd.Reconciliations > before);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > timeoutMs)
                throw new TimeoutException("condition not met in time");
            await Task.Delay(10);
        }
    }

    public async Task<Event?> GetEventAsync(string entity, string check)
    {
        var stored = await Events.GetEventAsync(new EventKey("default", entity, check), CancellationToken.None);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event);
    }

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        for (var i = _hosted.Count - 1; i >= 0; i--)
            await _hosted[i].StopAsync(CancellationToken.None);
    }

    /// <summary>Stops the services but keeps the state dir (for restart tests).</summary>
    public async Task StopKeepingStateAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
            await StopAsync();
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
