using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sensu.Backend.Apid;
using Sensu.Backend.Eventd;
using Sensu.Backend.Hosting;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Store.Sqlite;
using EventdService = Sensu.Backend.Eventd.Eventd;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>Eventd with its real dependencies (SQLite store in a temp dir, silenced cache, API resource service), started and stopped by hand.</summary>
public sealed class EventdHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly string _dir;
    private bool _stopped;

    private EventdHost(ServiceProvider services, string dir)
    {
        _services = services;
        _dir = dir;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public EventdService Eventd => _services.GetRequiredService<EventdService>();

    public IEventWriter Writer => _services.GetRequiredService<IEventWriter>();

    public IEventStore Events => _services.GetRequiredService<IEventStore>();

    public ResourceService Resources => _services.GetRequiredService<ResourceService>();

    public SilencedCache Silences => _services.GetRequiredService<SilencedCache>();

    public static async Task<EventdHost> StartAsync(IEventPipeline pipeline, int workers = 4, int buffer = 16)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sensu-eventd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new BackendOptions { StateDir = dir, EventdWorkers = workers, EventdBufferSize = buffer };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSqliteStore(new SqliteStoreOptions { StateDirectory = dir })
            .AddBackendOptions(options)
            .AddApid()
            .AddSingleton(pipeline)
            .AddEventd()
            .BuildServiceProvider();
        var host = new EventdHost(services, dir);
        var writer = services.GetRequiredService<IResourceWriter>();
        var ns = new Namespace { Metadata = new ObjectMeta { Name = "default" } };
        await writer.PutAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", JsonSerializer.Serialize(ns, SensuJsonContext.Default.Namespace)), CancellationToken.None);
        foreach (var hosted in host._hosted)
            await hosted.StartAsync(CancellationToken.None);
        return host;
    }

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        for (var i = _hosted.Count - 1; i >= 0; i--)
            await _hosted[i].StopAsync(CancellationToken.None);
    }

    public async Task<Event?> GetEventAsync(string entity, string check)
    {
        var stored = await Events.GetEventAsync(new EventKey("default", entity, check), CancellationToken.None);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event);
    }

    public async ValueTask DisposeAsync()
    {
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
