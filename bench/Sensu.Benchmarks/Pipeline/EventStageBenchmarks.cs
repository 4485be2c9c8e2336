using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Apid;
using Sensu.Backend.Eventd;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// Where the time of <see cref="EventThroughputBenchmarks"/> goes, one event per operation, one stage at a time,
/// on the same real backend: the store's read and upsert of one event, the entity lookup Eventd makes, the JSON
/// round trip, <see cref="EventStateMachine.Apply"/>, the JavaScript filter, one <c>tcp</c> handler delivery, and
/// the whole <see cref="IEventWriter.WriteAsync"/> of one event awaited alone (latency, not throughput).
/// </summary>
[MemoryDiagnoser]
public class EventStageBenchmarks
{
    private const string JsFilter = "bench-js-incident";
    private static readonly ResourceReference JsFilterReference = new() { Name = JsFilter, Type = EventFilterStage.ResourceType, ApiVersion = ResourceReference.CoreV2 };

    private BenchBackend _backend = null!;
    private DeliveryCounter _deliveries = null!;
    private IEventStore _store = null!;
    private IEventWriter _writer = null!;
    private ResourceService _resources = null!;
    private EventStateMachine _stateMachine = null!;
    private EventFilterStage _filter = null!;
    private TcpHandler _tcp = null!;
    private Handler _tcpHandler = null!;
    private EventKey _key;
    private string _storedJson = "";
    private byte[] _body = [];
    private Event _previous = null!;
    private long _executed = 1_700_000_000;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _deliveries = new DeliveryCounter();
        _backend = await BenchBackend.StartAsync(CancellationToken.None);
        var services = _backend.Services;
        _store = services.GetRequiredService<IEventStore>();
        _writer = services.GetRequiredService<IEventWriter>();
        _resources = services.GetRequiredService<ResourceService>();
        _stateMachine = services.GetRequiredService<EventStateMachine>();
        _filter = services.GetServices<IEventFilterStage>().OfType<EventFilterStage>().Single();
        _tcp = services.GetServices<IHandlerKind>().OfType<TcpHandler>().Single();
        _tcpHandler = new Handler
        {
            Metadata = new ObjectMeta { Name = "bench-tcp", Namespace = BenchEvents.Namespace },
            Type = Handler.TcpType,
            Socket = new HandlerSocket { Host = "127.0.0.1", Port = (uint)_deliveries.Port },
            Timeout = 30,
        };
        await _backend.PutCachedAsync(new EventFilter
        {
            Metadata = new ObjectMeta { Name = JsFilter, Namespace = BenchEvents.Namespace },
            Action = EventFilter.AllowAction,
            Expressions = ["event.check.status != 0"],
        }, CancellationToken.None);

        // A stored event with a full history, as in steady state.
        for (var i = 0; i < 25; i++)
            await _writer.WriteAsync(BenchEvents.Create("stage", 1, "", ++_executed), CancellationToken.None);
        _key = new EventKey(BenchEvents.Namespace, "stage-1", BenchEvents.CheckName);
        _storedJson = (await _store.GetEventAsync(_key, CancellationToken.None))!.Json;
        _previous = JsonSerializer.Deserialize(_storedJson, SensuJsonContext.Default.Event)!;
        _body = JsonSerializer.SerializeToUtf8Bytes(_previous, SensuJsonContext.Default.Event);
    }

    [Benchmark(Baseline = true, Description = "store: upsert one event")]
    public Task<long> StorePut() => _store.PutEventAsync(_key, _body, CancellationToken.None);

    [Benchmark(Description = "store: read one event")]
    public Task<StoredEvent?> StoreGet() => _store.GetEventAsync(_key, CancellationToken.None);

    [Benchmark(Description = "store: entity lookup (ResourceService)")]
    public Task<Entity?> EntityLookup() => _resources.GetAsync<Entity>(BenchEvents.Namespace, "stage-1", CancellationToken.None);

    [Benchmark(Description = "JSON: deserialize + serialize stored event")]
    public string JsonRoundTrip() =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize(_storedJson, SensuJsonContext.Default.Event)!, SensuJsonContext.Default.Event);

    [Benchmark(Description = "EventStateMachine.Apply (incl. building the incoming event)")]
    public EventTransition StateMachine() =>
        _stateMachine.Apply(BenchEvents.Create("stage", 1, "", ++_executed), _previous.Check, []);

    [Benchmark(Description = "building the incoming event alone (subtract from the above)")]
    public Event BuildIncoming() => BenchEvents.Create("stage", 1, "", ++_executed);

    [Benchmark(Description = "JavaScript filter on one event")]
    public ValueTask<bool> JavaScriptFilter() => _filter.PassesAsync(JsFilterReference, _previous, CancellationToken.None);

    [Benchmark(Description = "FilterEventView.Build alone (the JSON DOM a filter sees)")]
    public System.Text.Json.Nodes.JsonObject FilterView() => FilterEventView.Build(_previous);

    [Benchmark(Description = "tcp handler: one delivery")]
    public Task<HandlerOutcome> TcpDelivery() => _tcp.RunAsync(_tcpHandler, _previous, _body, CancellationToken.None);

    [Benchmark(Description = "IEventWriter.WriteAsync, one event awaited alone")]
    public Task WriteOne() => _writer.WriteAsync(BenchEvents.Create("stage", 1, "", ++_executed), CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _backend.DisposeAsync();
        await _deliveries.DisposeAsync();
    }
}
