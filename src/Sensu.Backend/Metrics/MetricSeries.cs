namespace Sensu.Backend.Metrics;

/// <summary>
/// The values of one instrument for one label set: a sum (counters), a last value (gauges, observed instruments), or
/// a histogram's count, sum and cumulative-ready bucket counts. Updated under the owning instrument's lock.
/// </summary>
internal sealed class MetricSeries(string labels, int buckets)
{
    public string Labels { get; } = labels;

    public double Value { get; set; }

    public long Count { get; set; }

    public double Sum { get; set; }

    /// <summary>Per-bucket (not cumulative) counts, one more than the bounds (the last is +Inf).</summary>
    public long[] Buckets { get; } = new long[buckets];
}
