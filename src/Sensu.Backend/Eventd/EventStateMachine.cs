using System.Globalization;
using System.Text;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>
/// Sensu's per-(entity, check) state rules (core-spec §4): merges a new check result with the previous stored
/// event — history (21 entries), occurrences and watermark, flapping, state, last_ok — applies silences,
/// and prepares the persisted copy (output truncated to <c>max_output_size</c>, metrics stripped).
/// Pure apart from the clock.
/// </summary>
public sealed class EventStateMachine(TimeProvider time)
{
    /// <summary>Event label telling how many output bytes were cut from the persisted copy.</summary>
    public const string OutputTruncatedBytesLabel = "sensu.io/output_truncated_bytes";

    /// <summary>
    /// Mutates <paramref name="incoming"/> into the new state and returns it with its persisted form;
    /// <paramref name="previous"/> is the check of the stored event (only its history, last_ok, occurrences and
    /// watermark are read), <paramref name="silences"/> are the silences of the event's namespace.
    /// </summary>
    public EventTransition Apply(Event incoming, Check? previous, IEnumerable<Silenced> silences)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var check = incoming.Check ?? throw new ArgumentException("event has no check", nameof(incoming));
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (incoming.Timestamp == 0)
            incoming.Timestamp = now;

        Merge(check, previous ?? check);
        UpdateOccurrences(check);

        var matching = SilenceMatcher.Matching(silences, incoming, now);
        IReadOnlyList<string> toDelete = [];
        if (matching is not null && incoming.IsResolution)
        {
            toDelete = matching.Where(s => s.ExpireOnResolve).Select(s => s.Metadata.Name!).ToList();
            matching.RemoveAll(s => s.ExpireOnResolve);
        }
        check.Silenced = matching is { Count: > 0 } ? matching.Select(s => s.Metadata.Name!).ToList() : null;
        check.IsSilenced = matching is { Count: > 0 };

        var persisted = Persist(incoming, check, out var whole);
        return new EventTransition(incoming, persisted, toDelete, whole);
    }

    /// <summary>Appends the result to the source's history and recomputes flapping, state and last_ok.</summary>
    internal static void Merge(Check check, Check source)
    {
        var history = new List<CheckHistory>(source.History.Count + 1);
        history.AddRange(source.History);
        history.Add(new CheckHistory { Status = check.Status, Executed = check.Executed });
        if (history.Count > Check.MaxHistory)
            history.RemoveRange(0, history.Count - Check.MaxHistory);
        check.History = history;
        check.LastOk = source.LastOk;
        check.Occurrences = source.Occurrences;
        check.OccurrencesWatermark = source.OccurrencesWatermark;

        check.TotalStateChange = TotalStateChange(history);
        if (IsFlapping(check))
        {
            check.State = Check.FlappingState;
        }
        else if (check.Status == 0)
        {
            check.State = Check.PassingState;
            check.LastOk = check.Executed;
        }
        else
        {
            check.State = Check.FailingState;
        }
        history[^1].Flapping = check.State == Check.FlappingState;
    }

    /// <summary>
    /// Nagios' weighted state change over a full history: 0 unless 21 entries; each change between consecutive
    /// entries weighs 0.80 for the oldest pair up to 1.18 for the newest; percentage of 20.
    /// </summary>
    internal static uint TotalStateChange(IReadOnlyList<CheckHistory> history)
    {
        if (history.Count < Check.MaxHistory)
            return 0;
        var changes = 0.0;
        var weight = 0.80;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Status != history[i - 1].Status)
                changes += weight;
            weight += 0.02;
        }
        return (uint)((float)changes / 20 * 100);
    }

    /// <summary>Both thresholds set and: already flapping → above low; otherwise → at or above high.</summary>
    internal static bool IsFlapping(Check check)
    {
        if (check.LowFlapThreshold == 0 || check.HighFlapThreshold == 0)
            return false;
        var wasFlapping = check.History.Count >= 2 && check.History[^2].Flapping;
        return wasFlapping
            ? check.TotalStateChange > check.LowFlapThreshold
            : check.TotalStateChange >= check.HighFlapThreshold;
    }

    /// <summary>Same status as the previous result → +1, else 1; the watermark restarts at the first failure after an OK.</summary>
    internal static void UpdateOccurrences(Check check)
    {
        var history = check.History;
        if (history.Count > 1 && history[^1].Status == history[^2].Status)
            check.Occurrences++;
        else
            check.Occurrences = 1;

        if (history.Count > 1 && history[^1].Status != 0 && history[^2].Status == 0)
            check.OccurrencesWatermark = 1;
        else if (check.Occurrences > check.OccurrencesWatermark)
            check.OccurrencesWatermark++;
    }

    /// <summary>The stored form: metrics stripped, output cut to <c>max_output_size</c> bytes (labelled on the event).</summary>
    private static byte[] Persist(Event ev, Check check, out bool whole)
    {
        whole = ev.Metrics is null;
        var output = check.Output;
        var metrics = ev.Metrics;
        var max = check.MaxOutputSize;
        if (max > 0)
        {
            var bytes = Encoding.UTF8.GetByteCount(output);
            if (bytes > max)
            {
                ev.Metadata.Labels ??= [];
                ev.Metadata.Labels[OutputTruncatedBytesLabel] = (bytes - max).ToString(CultureInfo.InvariantCulture);
                check.Output = Truncate(output, (int)Math.Min(max, int.MaxValue));
                whole = false;
            }
        }
        ev.Metrics = null;
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event);
        }
        finally
        {
            ev.Metrics = metrics;
            check.Output = output;
        }
    }

    /// <summary>The longest prefix of at most <paramref name="maxBytes"/> UTF-8 bytes that does not split a character.</summary>
    private static string Truncate(string text, int maxBytes)
    {
        var encoded = Encoding.UTF8.GetBytes(text);
        var cut = maxBytes;
        while (cut > 0 && (encoded[cut] & 0xC0) == 0x80)
            cut--;
        return Encoding.UTF8.GetString(encoded, 0, cut);
    }
}
