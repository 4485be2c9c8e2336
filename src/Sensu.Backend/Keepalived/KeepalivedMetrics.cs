using System.Diagnostics.Metrics;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// Keepalived instruments: <c>sensu.keepalived.keepalives</c>, <c>sensu.keepalived.timeouts</c>,
/// <c>sensu.keepalived.registrations</c>, <c>sensu.keepalived.deregistrations</c>, <c>sensu.keepalived.queue_depth</c>,
/// <c>sensu.keepalived.switches</c>.
/// </summary>
internal sealed class KeepalivedMetrics
{
    public const string MeterName = "Sensu.Keepalived";

    private readonly Counter<long> _keepalives;
    private readonly Counter<long> _timeouts;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _deregistrations;

    public KeepalivedMetrics(IMeterFactory meterFactory, Func<int> queueDepth, Func<int> switches)
    {
        var meter = meterFactory.Create(MeterName);
        _keepalives = meter.CreateCounter<long>("sensu.keepalived.keepalives", "{keepalive}", "Keepalives processed, by status (ok/error).");
        _timeouts = meter.CreateCounter<long>("sensu.keepalived.timeouts", "{event}", "Keepalive timeouts, by status (1 warning, 2 critical).");
        _registrations = meter.CreateCounter<long>("sensu.keepalived.registrations", "{entity}", "Agent entities registered.");
        _deregistrations = meter.CreateCounter<long>("sensu.keepalived.deregistrations", "{entity}", "Entities deregistered after a keepalive timeout.");
        meter.CreateObservableGauge("sensu.keepalived.queue_depth", queueDepth, "{keepalive}", "Keepalives waiting in keepalived's queues.");
        meter.CreateObservableGauge("sensu.keepalived.switches", switches, "{switch}", "Liveness switches armed.");
    }

    public void Keepalive(bool ok) => _keepalives.Add(1, new KeyValuePair<string, object?>("status", ok ? "ok" : "error"));

    public void Timeout(uint status) => _timeouts.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Registration() => _registrations.Add(1);

    public void Deregistration() => _deregistrations.Add(1);
}
