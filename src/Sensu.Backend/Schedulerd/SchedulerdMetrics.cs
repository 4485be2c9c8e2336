using System.Diagnostics.Metrics;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Schedulerd instruments: <c>sensu.schedulerd.executions</c> (ticks by outcome), <c>sensu.schedulerd.requests</c>
/// (publications by kind), <c>sensu.schedulerd.adhoc</c>, <c>sensu.schedulerd.checks</c> (scheduled checks).
/// </summary>
internal sealed class SchedulerdMetrics
{
    public const string MeterName = "Sensu.Schedulerd";

    private readonly Counter<long> _executions;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _adhoc;

    public SchedulerdMetrics(IMeterFactory meterFactory, Func<int> scheduled)
    {
        var meter = meterFactory.Create(MeterName);
        _executions = meter.CreateCounter<long>("sensu.schedulerd.executions", "{execution}",
            "Check executions, by outcome (published, subdued, no_match, secrets_failed, token_error, error).");
        _requests = meter.CreateCounter<long>("sensu.schedulerd.requests", "{request}", "Check requests published, by kind (subscription, round_robin, proxy).");
        _adhoc = meter.CreateCounter<long>("sensu.schedulerd.adhoc", "{request}", "Ad hoc executions.");
        meter.CreateObservableGauge("sensu.schedulerd.checks", scheduled, "{check}", "Published checks with a running schedule.");
    }

    public void Execution(string outcome) => _executions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Request(string kind) => _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Adhoc() => _adhoc.Add(1);
}
