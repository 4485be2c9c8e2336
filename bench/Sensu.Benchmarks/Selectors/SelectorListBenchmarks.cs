using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Apid;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Selectors;
using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Benchmarks.Selectors;

/// <summary>
/// Issue 17 point 5: an event list with a selective selector over 100,000 stored events (2,000 entities × 50 checks),
/// read as the events route reads it (<see cref="ChunkedListing{T}"/> in chunks of <see cref="ApiLimits.DefaultListChunkSize"/>,
/// each event decoded, its entity redacted, the whole selector checked): with the store filter
/// (<see cref="SelectorStoreFilter"/>) against the baseline that reads every row and selects in memory.
/// The setup fails the run if the two select different events.
/// </summary>
[MemoryDiagnoser]
public class SelectorListBenchmarks
{
    private const string Namespace = "default";
    private ServiceProvider _services = null!;
    private IEventStore _events = null!;
    private Selector _selector = null!;
    private StoreFilter _filter = null!;

    /// <summary>The selector: one entity's events, the events not OK, or one entity label value.</summary>
    [Params("entity", "status", "label")]
    public string Case { get; set; } = "entity";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = await SelectorBenchStore.OpenAsync();
        _events = _services.GetRequiredService<IEventStore>();
        _selector = Case switch
        {
            "entity" => Selector.Parse(null, ["event.entity.name == entity-01234"]),
            "status" => Selector.Parse(null, ["event.check.status != 0"]),
            "label" => Selector.Parse(["cluster == c-042"], null),
            _ => throw new InvalidOperationException($"unknown case {Case}"),
        };
        _filter = SelectorStoreFilter.ForEvents(_selector);
        if (_filter.IsEmpty)
            throw new InvalidOperationException($"case {Case}: nothing of the selector reaches the store");
        var pushed = await ListAsync(_filter);
        var scanned = await ListAsync(StoreFilter.None);
        if (pushed != scanned || pushed == 0)
            throw new InvalidOperationException($"case {Case}: the store filter selects {pushed} events, the full scan {scanned}");
        Console.WriteLine($"// case {Case}: {pushed} of {SelectorBenchStore.EventCount} events selected");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true, Description = "full scan, selected in memory")]
    public Task<int> InMemory() => ListAsync(StoreFilter.None);

    [Benchmark(Description = "store filter, then checked in memory")]
    public Task<int> PushedDown() => ListAsync(_filter);

    /// <summary>What the events route does for a list without a limit, less the writing: returns how many it would write.</summary>
    private async Task<int> ListAsync(StoreFilter filter)
    {
        var listing = await ChunkedListing<StoredEvent>.OpenAsync(
            (request, ct) => _events.ListEventsAsync(Namespace, null, filter, request, ct),
            (a, b) => StoreKeyOrder.Compare(a.Key, b.Key),
            PageRequest.All,
            ApiLimits.DefaultListChunkSize,
            CancellationToken.None);
        var selected = 0;
        await foreach (var stored in listing.ItemsAsync(CancellationToken.None))
        {
            var ev = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event)!;
            if (ev.Entity is { } entity)
                ev.Entity = entity.GetRedacted();
            if (_selector.Matches(ev))
                selected++;
        }
        return selected;
    }
}
