using System.Collections;

namespace Sensu.Execution;

/// <summary>
/// Composes a command's environment from <c>KEY=VALUE</c> layers as Sensu does: a later layer overrides an
/// earlier one, except for <c>PATH</c>, <c>LD_LIBRARY_PATH</c> and <c>CPATH</c>, whose later value is
/// prepended to the earlier one with <c>:</c>. Order of first appearance is kept; entries without <c>=</c> are ignored.
/// </summary>
public static class EnvironmentComposer
{
    /// <summary>Keys whose values are search paths: merged by prepending.</summary>
    public static IReadOnlySet<string> PathListKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "PATH", "LD_LIBRARY_PATH", "CPATH" };

    public const char PathListSeparator = ':';

    /// <summary>Merges the layers in order (each later layer over the result so far).</summary>
    public static IReadOnlyList<string> Merge(params IEnumerable<string>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var keys = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var entry in layer)
            {
                var eq = entry.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                    continue;
                var key = entry[..eq];
                var value = entry[(eq + 1)..];
                if (!values.TryGetValue(key, out var existing))
                {
                    keys.Add(key);
                    values[key] = value;
                }
                else if (PathListKeys.Contains(key) && existing.Length > 0)
                {
                    values[key] = value.Length == 0 ? existing : value + PathListSeparator + existing;
                }
                else
                {
                    values[key] = value;
                }
            }
        }
        return keys.Select(k => k + "=" + values[k]).ToList();
    }

    /// <summary>
    /// The whole environment of this process as <c>KEY=VALUE</c> entries, sorted by key. Not a child's base: a child
    /// gets what a <see cref="ChildEnvironmentPolicy"/> selects.
    /// </summary>
    public static IReadOnlyList<string> Current()
    {
        var entries = new List<string>();
        foreach (DictionaryEntry pair in Environment.GetEnvironmentVariables())
            entries.Add($"{pair.Key}={pair.Value}");
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>Splits merged entries into a map (the last entry of a key wins).</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<string> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                map[entry[..eq]] = entry[(eq + 1)..];
        }
        return map;
    }
}
