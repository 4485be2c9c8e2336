using System.Globalization;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Statsd;

/// <summary>
/// Aggregates StatsD lines (<c>name:value|c|@rate</c>, <c>g</c> with <c>+/-</c> deltas, <c>ms</c>/<c>h</c> timers, <c>s</c> sets)
/// until flushed. Flushed points: counters <c>name.value</c> and <c>name.per_second</c>; gauges <c>name.value</c>;
/// timers <c>name.min/max/mean/median/sum/count</c>; sets <c>name.count</c>. Gauges keep their value across flushes. Thread-safe.
/// </summary>
internal sealed class StatsdAggregator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sets = new(StringComparer.Ordinal);

    /// <summary>Adds every valid line of a datagram; returns how many lines were invalid.</summary>
    public int Add(string datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        var invalid = 0;
        foreach (var line in datagram.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AddLine(line))
                invalid++;
        }
        return invalid;
    }

    public List<MetricPoint> Flush(long timestamp, TimeSpan interval)
    {
        var points = new List<MetricPoint>();
        lock (_lock)
        {
            var seconds = Math.Max(interval.TotalSeconds, 1e-9);
            foreach (var (name, value) in _counters)
            {
                points.Add(Point(name + ".value", value, timestamp));
                points.Add(Point(name + ".per_second", value / seconds, timestamp));
            }
            foreach (var (name, value) in _gauges)
                points.Add(Point(name + ".value", value, timestamp));
            foreach (var (name, values) in _timers)
            {
                values.Sort();
                var middle = values.Count / 2;
                var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
                points.Add(Point(name + ".min", values[0], timestamp));
                points.Add(Point(name + ".max", values[^1], timestamp));
                points.Add(Point(name + ".mean", values.Average(), timestamp));
                points.Add(Point(name + ".median", median, timestamp));
                points.Add(Point(name + ".sum", values.Sum(), timestamp));
                points.Add(Point(name + ".count", values.Count, timestamp));
            }
            foreach (var (name, members) in _sets)
                points.Add(Point(name + ".count", members.Count, timestamp));
            _counters.Clear();
            _timers.Clear();
            _sets.Clear();
        }
        return points;
    }

    private static MetricPoint Point(string name, double value, long timestamp) =>
        new() { Name = name, Value = value, Timestamp = timestamp };

    private bool AddLine(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        var name = line[..colon];
        var parts = line[(colon + 1)..].Split('|');
        if (parts.Length < 2)
            return false;
        var rawValue = parts[0];
        var type = parts[1];
        var rate = 1.0;
        foreach (var extra in parts.Skip(2))
        {
            if (extra.StartsWith('@') && (!Parse(extra[1..], out rate) || rate <= 0 || rate > 1))
                return false;
        }
        lock (_lock)
        {
            switch (type)
            {
                case "c":
                    if (!Parse(rawValue, out var count))
                        return false;
                    _counters[name] = _counters.GetValueOrDefault(name) + count / rate;
                    return true;
                case "g":
                    if (!Parse(rawValue, out var gauge))
                        return false;
                    _gauges[name] = rawValue.StartsWith('+') || rawValue.StartsWith('-') ? _gauges.GetValueOrDefault(name) + gauge : gauge;
                    return true;
                case "ms" or "h":
                    if (!Parse(rawValue, out var timing))
                        return false;
                    if (!_timers.TryGetValue(name, out var list))
                        _timers[name] = list = [];
                    list.Add(timing);
                    return true;
                case "s":
                    if (!_sets.TryGetValue(name, out var set))
                        _sets[name] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(rawValue);
                    return true;
                default:
                    return false;
            }
        }
    }

    private static bool Parse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
