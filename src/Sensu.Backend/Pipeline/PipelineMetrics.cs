using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sensu.Backend.Pipeline;

/// <summary>
/// Pipelined's instruments (meter <see cref="MeterName"/>): events processed, handler requests by type and outcome,
/// handler/filter/mutator durations, and the queue depth (observed from the daemon's queue).
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "Sensu.Backend.Pipelined";

    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _handlerRequests;
    private readonly Histogram<double> _handlerDuration;
    private readonly Histogram<double> _filterDuration;
    private readonly Histogram<double> _mutatorDuration;
    private readonly Counter<long> _workflowErrors;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _processed = _meter.CreateCounter<long>("sensu.pipelined.events_processed", "{event}", "Events taken through the pipeline, by type (check/metrics).");
        _handlerRequests = _meter.CreateCounter<long>("sensu.pipelined.handler_requests", "{request}", "Handler runs by handler type and outcome (ok/non_zero/timed_out/error).");
        _handlerDuration = _meter.CreateHistogram<double>("sensu.pipelined.handler.duration", "s", "Time a handler took, by handler type and outcome.");
        _filterDuration = _meter.CreateHistogram<double>("sensu.pipelined.filter.duration", "s", "Time a filter took.");
        _mutatorDuration = _meter.CreateHistogram<double>("sensu.pipelined.mutator.duration", "s", "Time a mutator took.");
        _workflowErrors = _meter.CreateCounter<long>("sensu.pipelined.workflow_errors", "{error}", "Workflows stopped by a failing filter, mutator or handler, by stage.");
    }

    /// <summary>Starts observing the queue depth (called once by the daemon that owns the queue).</summary>
    public void ObserveQueueDepth(Func<int> depth) =>
        _meter.CreateObservableGauge("sensu.pipelined.queue_depth", depth, "{event}", "Events waiting in pipelined's queue.");

    public void EventProcessed(string type) => _processed.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Handler(string type, Handlers.HandlerOutcome outcome, TimeSpan duration)
    {
        var tags = new TagList { { "type", type }, { "outcome", Label(outcome) } };
        _handlerRequests.Add(1, tags);
        _handlerDuration.Record(duration.TotalSeconds, tags);
    }

    public void Filter(TimeSpan duration) => _filterDuration.Record(duration.TotalSeconds);

    public void Mutator(TimeSpan duration) => _mutatorDuration.Record(duration.TotalSeconds);

    public void WorkflowError(string stage) => _workflowErrors.Add(1, new KeyValuePair<string, object?>("stage", stage));

    private static string Label(Handlers.HandlerOutcome outcome) => outcome switch
    {
        Handlers.HandlerOutcome.Ok => "ok",
        Handlers.HandlerOutcome.NonZero => "non_zero",
        Handlers.HandlerOutcome.TimedOut => "timed_out",
        _ => "error",
    };
}
