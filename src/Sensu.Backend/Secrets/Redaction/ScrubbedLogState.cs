using System.Collections;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// The state handed to a wrapped logger: the already scrubbed message, and the structured values of the
/// original state with every value rendered as text and scrubbed (numbers and booleans kept as they are).
/// </summary>
internal sealed class ScrubbedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>> values)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message { get; } = message;

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    public static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state, SecretScrubber scrubber)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs)
            return [];
        var list = new List<KeyValuePair<string, object?>>();
        foreach (var pair in pairs)
            list.Add(new KeyValuePair<string, object?>(pair.Key, ScrubObject(pair.Value, scrubber)));
        return list;
    }

    /// <summary>Keeps primitive values; renders everything else as scrubbed text.</summary>
    public static object? ScrubObject(object? value, SecretScrubber scrubber) => value switch
    {
        null => null,
        string text => scrubber.Scrub(text),
        bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => value,
        DateTimeOffset or DateTime or TimeSpan or Guid => value,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs
            .Select(p => new KeyValuePair<string, object?>(p.Key, ScrubObject(p.Value, scrubber)))
            .ToList(),
        _ => scrubber.Scrub(value.ToString() ?? string.Empty),
    };
}
