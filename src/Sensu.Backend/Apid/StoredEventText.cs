using System.Buffers;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Apid;

/// <summary>
/// Whether an event's stored JSON is already what the API shows: its entity has nothing to redact. Conservative: the
/// text is shown as stored only when no default redaction key (<see cref="Entity.DefaultRedactFields"/>) appears as a
/// JSON string anywhere in it and the entity has no <c>redact</c> list of its own; otherwise the event is decoded and
/// redacted as usual. Lets a list write each stored event unchanged instead of decoding and encoding it again.
/// </summary>
public static class StoredEventText
{
    private static readonly SearchValues<string> Markers = SearchValues.Create(
        [.. Entity.DefaultRedactFields.Select(key => $"\"{key}\""), "\"redact\""],
        StringComparison.Ordinal);

    public static bool IsShownAsStored(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return !json.AsSpan().ContainsAny(Markers);
    }
}
