using System.Text.RegularExpressions;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary><c>TEXT | label=value[UOM];warn;crit;min;max ...</c>: one point per label, timestamp = executed.</summary>
internal static partial class NagiosPerfdataParser
{
    public static List<MetricPoint> Parse(string output, long executed)
    {
        var points = new List<MetricPoint>();
        var parts = output.Split('|');
        if (parts.Length != 2)
            return points;
        foreach (var metric in parts[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = metric.Split(';')[0].Split('=');
            if (pair.Length != 2)
                continue;
            if (!MetricExtractor.TryParseValue(NonNumeric().Replace(pair[1], ""), out var value))
                continue;
            points.Add(new MetricPoint { Name = pair[0].Replace(' ', '_'), Value = value, Timestamp = executed });
        }
        return points;
    }

    [GeneratedRegex(@"[^-\d\.]")]
    private static partial Regex NonNumeric();
}
