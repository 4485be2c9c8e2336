using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary><c>name value timestamp</c> per line.</summary>
internal static class GraphitePlaintextParser
{
    public static List<MetricPoint> Parse(string output, long executed)
    {
        var points = new List<MetricPoint>();
        foreach (var line in MetricExtractor.Lines(output))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length is not (2 or 3) || !MetricExtractor.TryParseValue(fields[1], out var value))
                continue;
            var timestamp = executed;
            if (fields.Length == 3 && !MetricExtractor.TryParseSeconds(fields[2], out timestamp))
                continue;
            points.Add(new MetricPoint { Name = fields[0], Value = value, Timestamp = timestamp });
        }
        return points;
    }
}
