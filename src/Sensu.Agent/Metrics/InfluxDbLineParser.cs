using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary><c>measurement[,tag=v...] field=value[,field=value...] [timestamp]</c>: one point per field named <c>measurement.field</c>.</summary>
internal static class InfluxDbLineParser
{
    public static List<MetricPoint> Parse(string output, long executed)
    {
        var points = new List<MetricPoint>();
        foreach (var line in MetricExtractor.Lines(output.Trim()))
        {
            var args = SplitUnescaped(line, ' ');
            if (args.Count is not (2 or 3))
                continue;
            var head = SplitUnescaped(args[0], ',');
            var tags = new List<MetricTag>();
            var valid = true;
            foreach (var tagText in head.Skip(1))
            {
                var pair = SplitUnescaped(tagText, '=');
                if (pair.Count != 2)
                {
                    valid = false;
                    break;
                }
                tags.Add(new MetricTag { Name = Unescape(pair[0]), Value = Unescape(pair[1]) });
            }
            var fields = new List<(string Key, double Value)>();
            foreach (var fieldText in SplitUnescaped(args[1], ','))
            {
                var pair = SplitUnescaped(fieldText, '=');
                if (pair.Count != 2 || !MetricExtractor.TryParseValue(pair[1], out var value))
                {
                    valid = false;
                    break;
                }
                fields.Add((Unescape(pair[0]), value));
            }
            var timestamp = executed;
            if (!valid || (args.Count == 3 && !MetricExtractor.TryParseSeconds(args[2], out timestamp)))
                continue;
            var measurement = Unescape(head[0]);
            foreach (var (key, value) in fields)
            {
                points.Add(new MetricPoint
                {
                    Name = measurement + "." + key,
                    Value = value,
                    Timestamp = timestamp,
                    Tags = tags.Select(t => new MetricTag { Name = t.Name, Value = t.Value }).ToList(),
                });
            }
        }
        return points;
    }

    private static List<string> SplitUnescaped(string text, char separator) =>
        text.Replace("\\" + separator, "\u0000", StringComparison.Ordinal)
            .Split(separator)
            .Select(s => s.Replace('\u0000', separator))
            .ToList();

    private static string Unescape(string text) =>
        text.Replace("\\\\", "\u0000", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal).Replace("\u0000", "\\", StringComparison.Ordinal);
}
