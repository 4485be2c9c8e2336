using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary><c>[put] metric timestamp value tag=v ...</c> per line.</summary>
internal static class OpenTsdbLineParser
{
    public static List<MetricPoint> Parse(string output, long executed)
    {
        var points = new List<MetricPoint>();
        foreach (var line in MetricExtractor.Lines(output))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
            if (fields.Count > 0 && fields[0] == "put")
                fields.RemoveAt(0);
            if (fields.Count < 3
                || !MetricExtractor.TryParseSeconds(fields[1], out var timestamp)
                || !MetricExtractor.TryParseValue(fields[2], out var value))
                continue;
            var point = new MetricPoint { Name = fields[0], Value = value, Timestamp = timestamp };
            var valid = true;
            foreach (var tag in fields.Skip(3))
            {
                var eq = tag.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    valid = false;
                    break;
                }
                point.Tags.Add(new MetricTag { Name = tag[..eq], Value = tag[(eq + 1)..] });
            }
            if (valid)
                points.Add(point);
        }
        return points;
    }
}
