using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Sensu.Backend.Metrics;

/// <summary>What the exporter keeps for one instrument: its Prometheus name, type, help and series by label set.</summary>
internal sealed class InstrumentState
{
    /// <summary>Prometheus' default histogram bounds (seconds-friendly).</summary>
    public static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Most tag sets remembered as given, so that recording a known one builds no label string.</summary>
    internal const int RememberedTagSets = 64;

    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private readonly List<(KeyValuePair<string, object?>[] Tags, MetricSeries Series)> _tagSets = [];

    public InstrumentState(Instrument instrument)
    {
        Kind = instrument switch
        {
            _ when IsGeneric(instrument, typeof(Counter<>)) || IsGeneric(instrument, typeof(ObservableCounter<>)) => "counter",
            _ when IsGeneric(instrument, typeof(Histogram<>)) => "histogram",
            _ => "gauge",
        };
        Observed = instrument.IsObservable;
        Additive = IsGeneric(instrument, typeof(Counter<>)) || IsGeneric(instrument, typeof(UpDownCounter<>));
        var name = Sanitize(instrument.Name);
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
            name += "_seconds";
        if (Kind == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
            name += "_total";
        Name = name;
        Help = instrument.Description ?? "";
    }

    public string Name { get; }

    public string Kind { get; }

    public string Help { get; }

    /// <summary>Observable instruments report their current value at each scrape.</summary>
    public bool Observed { get; }

    /// <summary>Measurements are deltas to add up (counters and up-down counters), not current values.</summary>
    public bool Additive { get; }

    public Lock Gate { get; } = new();

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (Gate)
        {
            var series = Known(tags) ?? Add(tags);
            switch (Kind)
            {
                case "histogram":
                    series.Count++;
                    series.Sum += value;
                    var i = 0;
                    while (i < Bounds.Length && value > Bounds[i])
                        i++;
                    series.Buckets[i]++;
                    break;
                case not "histogram" when Additive:
                    series.Value += value;
                    break;
                default:
                    series.Value = value;
                    break;
            }
        }
    }

    /// <summary>The series of a tag set recorded before in the same order (tags compared by key and value).</summary>
    private MetricSeries? Known(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (known, series) in _tagSets)
        {
            if (Same(known, tags))
                return series;
        }
        return null;
    }

    private MetricSeries Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        if (!_series.TryGetValue(labels, out var series))
            _series[labels] = series = new MetricSeries(labels, Bounds.Length + 1);
        if (_tagSets.Count < RememberedTagSets)
            _tagSets.Add((tags.ToArray(), series));
        return series;
    }

    private static bool Same(KeyValuePair<string, object?>[] known, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (known.Length != tags.Length)
            return false;
        for (var i = 0; i < known.Length; i++)
        {
            if (!string.Equals(known[i].Key, tags[i].Key, StringComparison.Ordinal) || !Equals(known[i].Value, tags[i].Value))
                return false;
        }
        return true;
    }

    /// <summary>Appends this instrument in the Prometheus text format (0.0.4).</summary>
    public void WriteTo(StringBuilder text)
    {
        lock (Gate)
        {
            if (_series.Count == 0)
                return;
            text.Append("# HELP ").Append(Name).Append(' ').Append(Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(Kind).Append('\n');
            foreach (var series in _series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                if (Kind != "histogram")
                {
                    Sample(text, Name, series.Labels, series.Value);
                    continue;
                }
                long cumulative = 0;
                for (var i = 0; i < series.Buckets.Length; i++)
                {
                    cumulative += series.Buckets[i];
                    var le = i < Bounds.Length ? Bounds[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
                    var labels = series.Labels.Length == 0 ? $"le=\"{le}\"" : $"{series.Labels},le=\"{le}\"";
                    Sample(text, Name + "_bucket", labels, cumulative);
                }
                Sample(text, Name + "_sum", series.Labels, series.Sum);
                Sample(text, Name + "_count", series.Labels, series.Count);
            }
        }
    }

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
            text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
            return "";
        var pairs = new List<(string Key, string Value)>(tags.Length);
        foreach (var tag in tags)
            pairs.Add((Sanitize(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', pairs.Select(p => $"{p.Key}=\"{Escape(p.Value)}\""));
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Prometheus metric and label names: letters, digits and <c>_</c> only.</summary>
    public static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_')
                chars[i] = '_';
        }
        return new string(chars);
    }

    private static bool IsGeneric(Instrument instrument, Type definition)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == definition;
    }
}
