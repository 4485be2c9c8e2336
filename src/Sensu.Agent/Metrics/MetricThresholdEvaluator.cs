using System.Globalization;
using System.Text;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Metrics;

/// <summary>
/// A check's <c>output_metric_thresholds</c> (Sensu 6.5+), applied by the agent to the metric points it extracted,
/// only when the command itself exited 0. Each threshold names a metric and optional tags; a point matches when its
/// name is the same and it carries every tag with the same value. A matching point below a rule's <c>min</c> or above
/// its <c>max</c> raises the status to that rule's status; a threshold no point matches raises it to its
/// <c>null_status</c> (when set). Every comparison is recorded on the event as an annotation
/// <c>sensu.io/output_metric_thresholds/NAME[.TAG_VALUE…]/min|max|null-status/STATUS</c>, and the outcome as
/// <c>sensu.io/notifications/STATUS</c>, as Sensu's agent does.
/// </summary>
public static class MetricThresholdEvaluator
{
    private const string Min = "min";
    private const string Max = "max";
    private const string NullStatus = "null-status";

    /// <summary>The status the event's check ends with; annotations are added to <paramref name="ev"/>.</summary>
    public static uint Evaluate(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var check = ev.Check;
        if (check is null || check.Status > 0 || check.OutputMetricThresholds is not { Count: > 0 } thresholds)
            return check?.Status ?? 0;

        var points = ev.Metrics?.Points ?? [];
        uint status = 0;
        string? outcome = null;
        foreach (var threshold in thresholds)
        {
            var matched = false;
            foreach (var point in points.Where(p => Matches(threshold, p)))
            {
                matched = true;
                foreach (var rule in threshold.Thresholds)
                {
                    if (Parse(rule.Min) is { } min)
                    {
                        var exceeded = point.Value < min;
                        var text = Describe(threshold, Min, point.Value, rule.Min, exceeded);
                        Annotate(ev, Key(threshold, Min, exceeded ? rule.Status : 0), text);
                        if (exceeded)
                        {
                            if (status < rule.Status)
                            {
                                status = rule.Status;
                                outcome = text;
                            }
                            // A value under the minimum is not also compared with the maximum.
                            continue;
                        }
                        outcome = text;
                    }
                    if (Parse(rule.Max) is { } max)
                    {
                        var exceeded = point.Value > max;
                        var text = Describe(threshold, Max, point.Value, rule.Max, exceeded);
                        Annotate(ev, Key(threshold, Max, exceeded ? rule.Status : 0), text);
                        if (!exceeded)
                            outcome = text;
                        else if (status < rule.Status)
                        {
                            status = rule.Status;
                            outcome = text;
                        }
                    }
                }
            }
            if (!matched && threshold.NullStatus > 0)
            {
                var text = DescribeMissing(threshold);
                Annotate(ev, Key(threshold, NullStatus, threshold.NullStatus), text);
                if (status < threshold.NullStatus)
                {
                    status = threshold.NullStatus;
                    outcome = text;
                }
            }
        }
        if (outcome is not null)
            Annotate(ev, "sensu.io/notifications/" + Caption(status), outcome);
        return status;
    }

    /// <summary>Sensu's name of a check status.</summary>
    public static string Caption(uint status) => status switch
    {
        0 => "ok",
        1 => "warning",
        2 => "critical",
        _ => "unknown",
    };

    private static bool Matches(MetricThreshold threshold, MetricPoint point) =>
        string.Equals(threshold.Name, point.Name, StringComparison.Ordinal)
        && (threshold.Tags ?? []).All(tag => (point.Tags ?? []).Any(t =>
            string.Equals(t.Name, tag.Name, StringComparison.Ordinal) && string.Equals(t.Value, tag.Value, StringComparison.Ordinal)));

    private static double? Parse(string bound) =>
        !string.IsNullOrWhiteSpace(bound) && double.TryParse(bound.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static void Annotate(Event ev, string key, string value)
    {
        ev.Metadata ??= new ObjectMeta();
        (ev.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
    }

    private static string Key(MetricThreshold threshold, string measure, uint status)
    {
        var key = new StringBuilder("sensu.io/output_metric_thresholds/").Append(threshold.Name);
        foreach (var tag in threshold.Tags ?? [])
            key.Append('.').Append(tag.Value);
        return key.Append('/').Append(measure).Append('/').Append(Caption(status)).ToString();
    }

    private static string Describe(MetricThreshold threshold, string measure, double value, string bound, bool exceeded)
    {
        var text = new StringBuilder("The value of ").Append(threshold.Name);
        if (threshold.Tags is { Count: > 0 } tags)
            text.Append(" (").AppendJoin(',', tags.Select(t => $"{t.Name}={t.Value}")).Append(')');
        text.Append(exceeded ? " exceeded the configured threshold (" : " is within the configured threshold (");
        return text.Append(measure).Append(": ").Append(bound).Append(", actual: ").Append(Format(value)).Append(").").ToString();
    }

    private static string DescribeMissing(MetricThreshold threshold)
    {
        var text = new StringBuilder(Caption(threshold.NullStatus).ToUpperInvariant())
            .Append(" : no metric matching \"").Append(threshold.Name).Append('"');
        if (threshold.Tags is { Count: > 0 } tags)
            text.Append(" (").AppendJoin(", ", tags.Select(t => $"{t.Name}=\"{t.Value}\"")).Append(')');
        text.Append(" was found");
        foreach (var rule in threshold.Thresholds)
        {
            text.Append("; expected ");
            var hasMin = rule.Min.Length > 0;
            var hasMax = rule.Max.Length > 0;
            if (hasMin)
                text.Append("min: ").Append(rule.Min);
            if (hasMin && hasMax)
                text.Append(" - ");
            if (hasMax)
                text.Append("max: ").Append(rule.Max);
            text.Append(" (status: ").Append(Caption(rule.Status)).Append(')');
        }
        return text.ToString();
    }

    // Plain decimal notation, as short as round-trips (no exponent).
    private static string Format(double value) =>
        Math.Abs(value) < 1e15 ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString("F0", CultureInfo.InvariantCulture);
}
