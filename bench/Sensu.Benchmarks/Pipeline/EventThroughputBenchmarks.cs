using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sensu.Backend.Apid;
using Sensu.Backend.Hosting;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Pipelined;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// Issue 5, benchmark (1): one operation is a batch of <see cref="BatchSize"/> check results (one check on as many
/// entities, one in <see cref="FailingEvery"/> of them failing, so an incident) written at once through the real
/// backend's <see cref="IEventWriter"/> (Eventd: state, history, store; then Pipelined: the handler's filter, the
/// json mutator, a <c>tcp</c> handler to a local listener), measured until every result is stored and every incident
/// delivered. The baseline is the SQLite store's own upsert of the same number of event documents (same JSON shape,
/// other entities), issued at once too. A third method sends the batch's number of incidents through the
/// <c>tcp</c> handler alone (as many at once as Pipelined has workers), to the same listener: the cost of the
/// deliveries themselves (one connection per event, as Sensu's tcp handler), with the listener on the same cores.
/// events/s = BatchSize / mean.
/// </summary>
[MemoryDiagnoser]
public class EventThroughputBenchmarks
{
    private const string Handler = "bench-tcp";
    private const string JsFilter = "bench-js-incident";

    private BenchBackend _backend = null!;
    private DeliveryCounter _deliveries = null!;
    private IEventWriter _writer = null!;
    private IEventStore _store = null!;
    private Event[] _events = [];
    private (EventKey Key, byte[] Json)[] _documents = [];
    private long _expectedDeliveries;
    private long _executed = 1_700_000_000;
    private TcpHandler _tcp = null!;
    private Handler _tcpHandler = null!;
    private byte[] _body = [];
    private int _workers;

    [Params(2000)]
    public int BatchSize { get; set; }

    /// <summary>One result in this many fails (2: half the batch reaches the handler; 20: one in twenty).</summary>
    [Params(2, 20)]
    public int FailingEvery { get; set; } = 2;

    /// <summary>The handler's filter: the built-in <c>is_incident</c> or a JavaScript filter doing the same.</summary>
    [Params("is_incident", "js")]
    public string Filter { get; set; } = "is_incident";

    /// <summary>
    /// The store's <c>--store-sync</c>: <c>full</c> (the default: every group commit fsynced) or <c>normal</c> (WAL
    /// fsynced at checkpoints only). Both run in the same session so their ratio is comparable.
    /// </summary>
    [Params("full", "normal")]
    public string StoreSync { get; set; } = "full";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _deliveries = new DeliveryCounter();
        _backend = await BenchBackend.StartAsync(StoreSync, CancellationToken.None);
        _writer = _backend.Services.GetRequiredService<IEventWriter>();
        _store = _backend.Services.GetRequiredService<IEventStore>();
        await _backend.PutCachedAsync(new EventFilter
        {
            Metadata = new ObjectMeta { Name = JsFilter, Namespace = BenchEvents.Namespace },
            Action = EventFilter.AllowAction,
            Expressions = ["event.check.status != 0"],
        }, CancellationToken.None);
        _tcpHandler = new Handler
        {
            Metadata = new ObjectMeta { Name = Handler, Namespace = BenchEvents.Namespace },
            Type = Sensu.Core.Resources.Core.Handler.TcpType,
            Socket = new HandlerSocket { Host = "127.0.0.1", Port = (uint)_deliveries.Port },
            Timeout = 30,
            Filters = [Filter == "js" ? JsFilter : "is_incident"],
        };
        await _backend.PutCachedAsync(_tcpHandler, CancellationToken.None);
        _tcp = _backend.Services.GetServices<IHandlerKind>().OfType<TcpHandler>().Single();
        _workers = _backend.Services.GetRequiredService<IOptions<PipelinedOptions>>().Value.Workers;
        _body = JsonMutator.ToJson(BenchEvents.Create("body", 1, Handler, _executed));
    }

    [IterationSetup]
    public void PrepareBatch()
    {
        _executed++;
        _events = BenchEvents.Batch("web", BatchSize, Handler, _executed, FailingEvery);
        _documents = BenchEvents.Batch("raw", BatchSize, Handler, _executed)
            .Select(e =>
            {
                e.Id = Guid.NewGuid().ToString();
                e.Timestamp = _executed;
                return (new EventKey(BenchEvents.Namespace, e.Entity!.Metadata.Name!, BenchEvents.CheckName), JsonSerializer.SerializeToUtf8Bytes(e, SensuJsonContext.Default.Event));
            })
            .ToArray();
    }

    [Benchmark(Baseline = true, Description = "store upserts alone (IEventStore.PutEventAsync)")]
    public Task StoreUpserts() =>
        Task.WhenAll(_documents.Select(d => _store.PutEventAsync(d.Key, d.Json, CancellationToken.None)));

    [Benchmark(Description = "Eventd + Pipelined, filter, tcp handler")]
    public async Task EventdToTcpHandler()
    {
        _expectedDeliveries += BenchEvents.Incidents(BatchSize, FailingEvery);
        await Task.WhenAll(_events.Select(e => _writer.WriteAsync(e, CancellationToken.None)));
        await _deliveries.WaitForAsync(_expectedDeliveries, TimeSpan.FromMinutes(2), CancellationToken.None);
    }

    [Benchmark(Description = "the batch's incidents through the tcp handler alone")]
    public async Task TcpDeliveriesAlone()
    {
        var deliveries = BenchEvents.Incidents(BatchSize, FailingEvery);
        _expectedDeliveries += deliveries;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, _workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= deliveries)
                await _tcp.RunAsync(_tcpHandler, _events[0], _body, CancellationToken.None);
        }));
        await _deliveries.WaitForAsync(_expectedDeliveries, TimeSpan.FromMinutes(2), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await Task.Delay(500);
        var delivered = _deliveries.Delivered;
        await _backend.DisposeAsync();
        await _deliveries.DisposeAsync();
        if (delivered != _expectedDeliveries)
            throw new InvalidOperationException($"{delivered} deliveries for {_expectedDeliveries} incidents: the filter let through what it should not have");
    }
}
