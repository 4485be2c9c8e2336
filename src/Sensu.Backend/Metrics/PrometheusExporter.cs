using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Sensu.Backend.Metrics;

/// <summary>
/// Listens to every instrument named <c>sensu.*</c> (whatever its meter) and renders their current values in the
/// Prometheus text format for <c>/metrics</c>: counters as <c>NAME_total</c>, histograms with Prometheus' default
/// buckets, gauges and observable instruments as read at each scrape. Instruments in seconds get <c>_seconds</c>.
/// Only meters made by this backend's <see cref="IMeterFactory"/> are exported (several backends may share a process).
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string InstrumentPrefix = "sensu.";
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, meterFactory) || !instrument.Name.StartsWith(InstrumentPrefix, StringComparison.OrdinalIgnoreCase))
                return;
            var state = _instruments.GetOrAdd(instrument, i => new InstrumentState(i));
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentState? _);
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>The current values of every <c>sensu.*</c> instrument, in the Prometheus text format.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var instrument in _instruments.Values.OrderBy(i => i.Name, StringComparer.Ordinal))
            instrument.WriteTo(text);
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();
}
