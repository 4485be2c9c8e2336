using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary>
/// Turns check output into metric points per <c>output_metric_format</c> (core-spec §6.4 step 7), adding
/// <c>output_metric_tags</c> to every point. Lines that do not parse are skipped, as Sensu does.
/// </summary>
internal static class MetricExtractor
{
    /// <param name="executed">unix seconds of the execution (nagios points, lines without a timestamp).</param>
    public static List<MetricPoint> Extract(string format, string output, long executed, IReadOnlyList<MetricTag>? tags)
    {
        ArgumentNullException.ThrowIfNull(output);
        var points = format switch
        {
            MetricFormats.NagiosPerfdata => NagiosPerfdataParser.Parse(output, executed),
            MetricFormats.GraphitePlaintext => GraphitePlaintextParser.Parse(output, executed),
            MetricFormats.InfluxDbLine => InfluxDbLineParser.Parse(output, executed),
            MetricFormats.OpenTsdbLine => OpenTsdbLineParser.Parse(output, executed),
            MetricFormats.PrometheusText => PrometheusTextParser.Parse(output, executed),
            _ => [],
        };
        if (tags is { Count: > 0 })
        {
            foreach (var point in points)
            {
                foreach (var tag in tags)
                {
                    point.Tags.RemoveAll(t => t.Name == tag.Name);
                    point.Tags.Add(new MetricTag { Name = tag.Name, Value = tag.Value });
                }
            }
        }
        return points;
    }

    /// <summary>Parses a unix timestamp, keeping only the first 10 digits (seconds) of longer ones as Sensu does.</summary>
    public static bool TryParseSeconds(string text, out long seconds)
    {
        if (text.Length > 10 && text.All(char.IsAsciiDigit))
            text = text[..10];
        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out seconds);
    }

    public static bool TryParseValue(string text, out double value) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);

    public static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);
}
