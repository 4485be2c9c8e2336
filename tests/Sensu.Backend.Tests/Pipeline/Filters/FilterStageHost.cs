using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Backend.Caching;
using Sensu.Backend.Pipeline.Assets;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;
using Sensu.Store;

namespace Sensu.Backend.Tests.Pipeline.Filters;

/// <summary>
/// An <see cref="EventFilterStage"/> over real watcher-fed caches of a real SQLite store (filters written raw, so
/// resources the API would refuse can be tried), a real Jint engine and a fake clock; logs captured.
/// </summary>
internal sealed class FilterStageHost : IAsyncDisposable
{
    private readonly ChangeBroadcaster _feed = new();
    private readonly SqliteTestStore _store = new();
    private readonly ILoggerFactory _loggers;
    private ResourceCache<EventFilter>? _filters;
    private ResourceCache<Asset>? _assets;

    public FilterStageHost()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public JintJavaScriptEngine Engine { get; } = new(new JavaScriptEngineOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = 0 });

    public EventFilterStage Stage { get; private set; } = null!;

    /// <summary>Writes the filters (raw JSON bodies by name) and starts the caches and the stage.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string> filters)
    {
        var ns = new Namespace { Metadata = new Sensu.Core.Meta.ObjectMeta { Name = "default" } };
        await _store.PutAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", JsonSerializer.Serialize(ns, SensuJsonContext.Default.Namespace)), CancellationToken.None);
        foreach (var (name, json) in filters)
        {
            var filter = JsonSerializer.Deserialize(json, SensuJsonContext.Default.EventFilter)!;
            filter.Metadata.Name = name;
            filter.Metadata.Namespace = "default";
            var key = new ResourceKey(ResourceRegistry.For<EventFilter>().StoreKind, "default", name);
            await _store.PutAsync(new ResourceWrite(key, "EventFilter", JsonSerializer.Serialize(filter, SensuJsonContext.Default.EventFilter)), CancellationToken.None);
        }
        _filters = new ResourceCache<EventFilter>(_feed, _store, Time, _loggers.CreateLogger<ResourceCache<EventFilter>>());
        _assets = new ResourceCache<Asset>(_feed, _store, Time, _loggers.CreateLogger<ResourceCache<Asset>>());
        await _filters.StartAsync(CancellationToken.None);
        await _assets.StartAsync(CancellationToken.None);
        await _filters.WaitReadyAsync(CancellationToken.None);
        await _assets.WaitReadyAsync(CancellationToken.None);
        Stage = new EventFilterStage(_filters, new PipelineAssets(_assets, new BackendEntity("backend-1"), _loggers.CreateLogger<PipelineAssets>()), new JavaScriptLibraries(),
            Time, _loggers.CreateLogger<EventFilterStage>(), Engine);
    }

    public ValueTask<bool> PassesAsync(string filter, Event ev) =>
        Stage.PassesAsync(new ResourceReference { Name = filter, Type = EventFilterStage.ResourceType, ApiVersion = ResourceReference.CoreV2 }, ev, CancellationToken.None);

    public static Event Event(string entity = "web1", int status = 2, string output = "disk full") =>
        JsonSerializer.Deserialize($$$"""
            {"entity":{"metadata":{"name":"{{{entity}}}","namespace":"default"},"entity_class":"agent"},
             "check":{"metadata":{"name":"disk","namespace":"default"},"status":{{{status}}},"output":"{{{output}}}","interval":60}}
            """, SensuJsonContext.Default.Event)!;

    public async ValueTask DisposeAsync()
    {
        if (_filters is not null)
            await _filters.StopAsync(CancellationToken.None);
        if (_assets is not null)
            await _assets.StopAsync(CancellationToken.None);
        _filters?.Dispose();
        _assets?.Dispose();
        Engine.Dispose();
        _feed.Dispose();
        _loggers.Dispose();
        await _store.DisposeAsync();
    }
}
