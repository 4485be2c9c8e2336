using System.Globalization;
using System.Text;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary>
/// Prometheus exposition text: <c>name{label="v",...} value [timestamp_ms]</c>; labels become tags, plus
/// <c>prom_type</c> (from <c># TYPE</c>, default <c>untyped</c>) and <c>prom_help</c>; NaN samples are skipped.
/// </summary>
internal static class PrometheusTextParser
{
    public static List<MetricPoint> Parse(string output, long executed)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        var points = new List<MetricPoint>();
        foreach (var raw in MetricExtractor.Lines(output))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                var words = line[1..].Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 3 && words[0] == "TYPE")
                    types[words[1]] = words[2].Trim();
                else if (words.Length == 3 && words[0] == "HELP")
                    helps[words[1]] = words[2].Trim();
                continue;
            }
            if (TryParseSample(line, executed) is not { } point)
                continue;
            var family = Family(point.Name!, types);
            point.Tags.Add(new MetricTag { Name = "prom_type", Value = types.GetValueOrDefault(family, "untyped") });
            if (helps.TryGetValue(family, out var help) && help.Length > 0)
                point.Tags.Add(new MetricTag { Name = "prom_help", Value = help });
            points.Add(point);
        }
        return points;
    }

    private static string Family(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
            return name;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.ContainsKey(name[..^suffix.Length]))
                return name[..^suffix.Length];
        }
        return name;
    }

    private static MetricPoint? TryParseSample(string line, long executed)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
            i++;
        if (i == 0)
            return null;
        var point = new MetricPoint { Name = line[..i], Timestamp = executed };
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or ',')
                    i++;
                if (i >= line.Length)
                    return null;
                if (line[i] == '}')
                {
                    i++;
                    break;
                }
                var eq = line.IndexOf('=', i);
                if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
                    return null;
                var label = line[i..eq].Trim();
                var value = new StringBuilder();
                var j = eq + 2;
                for (; j < line.Length && line[j] != '"'; j++)
                {
                    if (line[j] == '\\' && j + 1 < line.Length)
                    {
                        j++;
                        value.Append(line[j] == 'n' ? '\n' : line[j]);
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }
                if (j >= line.Length)
                    return null;
                point.Tags.Add(new MetricTag { Name = label, Value = value.ToString() });
                i = j + 1;
            }
        }
        var rest = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is < 1 or > 2 || !TryParseFloat(rest[0], out var sample) || !double.IsFinite(sample))
            return null;
        point.Value = sample;
        if (rest.Length == 2)
        {
            if (!long.TryParse(rest[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
                return null;
            point.Timestamp = millis / 1000;
        }
        return point;
    }

    private static bool TryParseFloat(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return MetricExtractor.TryParseValue(text, out value);
        }
    }
}
