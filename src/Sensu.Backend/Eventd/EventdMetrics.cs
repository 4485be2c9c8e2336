using System.Diagnostics.Metrics;

namespace Sensu.Backend.Eventd;

/// <summary>Eventd instruments: <c>sensu.eventd.events_processed</c>, <c>sensu.eventd.duration</c>, <c>sensu.eventd.queue_depth</c>.</summary>
internal sealed class EventdMetrics
{
    public const string MeterName = "Sensu.Eventd";

    private readonly Counter<long> _processed;
    private readonly Histogram<double> _duration;

    public EventdMetrics(IMeterFactory meterFactory, Func<int> queueDepth)
    {
        var meter = meterFactory.Create(MeterName);
        _processed = meter.CreateCounter<long>("sensu.eventd.events_processed", "{event}", "Events processed by eventd, by status (ok/error) and type (check/metrics).");
        _duration = meter.CreateHistogram<double>("sensu.eventd.duration", "s", "Time from taking an event off the queue to storing it.");
        meter.CreateObservableGauge("sensu.eventd.queue_depth", queueDepth, "{event}", "Events waiting in eventd's queues.");
    }

    public void Processed(bool ok, bool hasCheck, TimeSpan duration)
    {
        var status = new KeyValuePair<string, object?>("status", ok ? "ok" : "error");
        var type = new KeyValuePair<string, object?>("type", hasCheck ? "check" : "metrics");
        _processed.Add(1, status, type);
        _duration.Record(duration.TotalSeconds, status, type);
    }
}
