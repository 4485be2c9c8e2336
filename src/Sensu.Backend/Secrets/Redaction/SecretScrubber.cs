using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// Redaction by value (DESIGN habit 14): every resolved secret value is registered here, and
/// <see cref="Scrub"/> replaces each occurrence of any registered value in a text with <c>REDACTED</c>.
/// Log output passes through it (see <see cref="ScrubbingLoggerProvider"/>); the pipeline calls it for handler
/// and mutator output, check output, error texts and event fields.
/// </summary>
/// <remarks>
/// Values shorter than <see cref="MinimumLength"/> characters are not registered: replacing every "1" or "ok"
/// in every log line would destroy the text and tell an attacker the value anyway. Such secrets are not
/// protected by value; keep secrets longer than that. A value is also registered in its JSON-escaped forms
/// (default and relaxed encoders) when they differ, so it is caught inside serialised JSON too. Registered values stay for the life of the
/// process (a rotated secret is still a secret); overlapping occurrences are merged into one replacement.
/// Lookups are lock-free over an immutable snapshot rebuilt on each new registration.
/// </remarks>
public sealed class SecretScrubber
{
    /// <summary>Values shorter than this are not registered (see remarks).</summary>
    public const int MinimumLength = 4;

    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    public SecretScrubber()
    {
    }

    /// <summary>A scrubber that knows the <paramref name="seed"/>'s values from the start (too short ones excepted).</summary>
    public SecretScrubber(ScrubberSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var value in seed.Values)
            Register(value);
    }

    /// <summary>Number of distinct texts (values and their escaped forms) being scrubbed.</summary>
    public int Count => Volatile.Read(ref _snapshot).Values.Length;

    /// <summary>Registers a resolved value; returns false when it is too short to be scrubbed.</summary>
    public bool Register(SecretValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Register(value.Reveal());
    }

    /// <summary>Registers a clear-text value (e.g. a Vault token); returns false when it is too short to be scrubbed.</summary>
    public bool Register(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < MinimumLength)
            return false;
        var escaped = JsonEncodedText.Encode(value).Value;
        var relaxed = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        var current = Volatile.Read(ref _snapshot);
        if (current.Contains(value) && current.Contains(escaped) && current.Contains(relaxed))
            return true;
        lock (_gate)
        {
            var values = new HashSet<string>(_snapshot.Values, StringComparer.Ordinal) { value, escaped, relaxed };
            Volatile.Write(ref _snapshot, new Snapshot(values));
        }
        return true;
    }

    /// <summary>Returns <paramref name="text"/> with every registered value replaced by <c>REDACTED</c>.</summary>
    public string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Values.Length == 0)
            return text;
        var span = text.AsSpan();
        var first = span.IndexOfAny(snapshot.Search);
        if (first < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        var position = first;
        while (position >= 0)
        {
            // Merge every occurrence that overlaps the one found, so no tail of a longer value survives.
            var start = position;
            var end = start + snapshot.LongestAt(span, start);
            var next = NextMatch(span, snapshot, start + 1);
            while (next >= 0 && next < end)
            {
                end = Math.Max(end, next + snapshot.LongestAt(span, next));
                next = NextMatch(span, snapshot, next + 1);
            }
            builder.Append(span[copied..start]).Append(SecretValue.Redacted);
            copied = end;
            position = next;
        }
        builder.Append(span[copied..]);
        return builder.ToString();
    }

    private static int NextMatch(ReadOnlySpan<char> text, Snapshot snapshot, int from)
    {
        if (from >= text.Length)
            return -1;
        var index = text[from..].IndexOfAny(snapshot.Search);
        return index < 0 ? -1 : from + index;
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        private readonly HashSet<string> _set;

        public Snapshot(IEnumerable<string> values)
        {
            _set = new HashSet<string>(values, StringComparer.Ordinal);
            // Longest first: at a given position the longest registered value wins.
            Values = _set.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal).ToArray();
            Search = SearchValues.Create(Values, StringComparison.Ordinal);
        }

        public string[] Values { get; }

        public SearchValues<string> Search { get; }

        public bool Contains(string value) => _set.Contains(value);

        public int LongestAt(ReadOnlySpan<char> text, int start)
        {
            var rest = text[start..];
            foreach (var value in Values)
            {
                if (rest.StartsWith(value, StringComparison.Ordinal))
                    return value.Length;
            }
            return 0;
        }
    }
}
