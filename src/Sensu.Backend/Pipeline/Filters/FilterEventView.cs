using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// The <c>event</c> a filter expression sees (core-spec §5.3 steps 3–6): the synthesized event with its entity
/// redacted, empty <c>labels</c>/<c>annotations</c> where missing on the event, its check and its entity, and
/// Sensu's extra predicates (<c>has_check</c>, <c>has_metrics</c>, <c>is_incident</c>, <c>is_resolution</c>,
/// <c>is_silenced</c>, <c>is_flapping_start</c>, <c>is_flapping_end</c>).
/// </summary>
public static class FilterEventView
{
    /// <summary>The whole view as JSON, metadata lifted everywhere.</summary>
    public static JsonObject Build(Event ev) => Synthesized.Lift(JsonNode.Parse(ToUtf8(ev))!.AsObject());

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// <see cref="ToUtf8"/> parsed, in buffers rented for the document's lifetime: dispose it when the script has run
    /// (nothing of it may be kept after). Nothing is allocated for the bytes of the event.
    /// </summary>
    public static FilterEventDocument Parse(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            JsonSerializer.Serialize(writer, View(ev), SensuJsonContext.Default.Event);
            writer.Flush();
            var rented = WithPredicates(buffer.WrittenSpan, ev, ArrayPool<byte>.Shared.Rent, out var length);
            return new FilterEventDocument(rented, length);
        }
        finally
        {
            // A very large event does not keep its buffer on the thread.
            if (buffer.Capacity > 1024 * 1024)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>
    /// The view before the metadata lift, as UTF-8 JSON, for a <see cref="JavaScriptScope"/> that binds its parsed
    /// document (<see cref="JavaScriptScope.JsonGlobals"/>) with <see cref="JavaScriptScope.LiftMetadata"/>, which
    /// lifts only what a script touches (the lift also gives the event, the check and the entity their
    /// <c>labels</c>/<c>annotations</c>, copied from their metadata). Written from copies: the event is not changed.
    /// </summary>
    public static byte[] ToUtf8(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return WithPredicates(JsonSerializer.SerializeToUtf8Bytes(View(ev), SensuJsonContext.Default.Event), ev, static n => new byte[n], out _);
    }

    /// <summary>
    /// The event's JSON object with the predicates as its last members, in an array from <paramref name="allocate"/>
    /// (which may be longer than <paramref name="length"/>, the bytes written).
    /// </summary>
    private static byte[] WithPredicates(ReadOnlySpan<byte> json, Event ev, Func<int, byte[]> allocate, out int length)
    {
        Span<byte> tail = stackalloc byte[TailCapacity];
        var tailLength = Predicates(json, ev, tail);
        length = json.Length - 1 + tailLength;
        var result = allocate(length);
        json[..^1].CopyTo(result);
        tail[..tailLength].CopyTo(result.AsSpan(json.Length - 1));
        return result;
    }

    /// <summary>The event to serialize: the entity redacted, label maps present; copies where the event differs.</summary>
    private static Event View(Event ev)
    {
        var view = JsonMutator.Redacted(ev);
        view.Metadata = WithMaps(ev.Metadata);
        if (view.Check is { } check && NeedsMaps(check.Metadata))
        {
            view.Check = check.ShallowCopy();
            view.Check.Metadata = WithMaps(check.Metadata);
        }
        if (view.Entity is { } entity && NeedsMaps(entity.Metadata))
        {
            // The redacted entity may be the event's own: copy it before replacing its metadata.
            view.Entity = entity.ShallowCopy();
            view.Entity.Metadata = WithMaps(entity.Metadata);
        }
        return view;
    }

    private static bool NeedsMaps(ObjectMeta? metadata) => metadata?.Labels is null || metadata.Annotations is null;

    private static ObjectMeta WithMaps(ObjectMeta? metadata) =>
        !NeedsMaps(metadata) ? metadata! : new ObjectMeta
        {
            Name = metadata?.Name,
            Namespace = metadata?.Namespace,
            CreatedBy = metadata?.CreatedBy,
            Labels = metadata?.Labels ?? [],
            Annotations = metadata?.Annotations ?? [],
        };

    private const int TailCapacity = 256;

    /// <summary>
    /// Writes into <paramref name="tail"/> what replaces the closing brace of the event's JSON object: the
    /// predicates as its last members, then the brace. Returns its length.
    /// </summary>
    private static int Predicates(ReadOnlySpan<byte> json, Event ev, Span<byte> tail)
    {
        if (json.Length < 2 || json[^1] != (byte)'}')
            throw new InvalidOperationException("the event did not serialize as a JSON object");
        var separator = json.Length == 2 ? "" : ",";
        if (!Utf8.TryWrite(tail, $"{separator}\"has_check\":{Bool(ev.HasCheck)},\"has_metrics\":{Bool(ev.HasMetrics)},\"is_incident\":{Bool(ev.IsIncident)},\"is_resolution\":{Bool(ev.IsResolution)},\"is_silenced\":{Bool(ev.IsSilenced)},\"is_flapping_start\":{Bool(ev.Check is not null && ev.IsFlappingStart)},\"is_flapping_end\":{Bool(ev.Check is not null && ev.IsFlappingEnd)}}}", out var length))
            throw new InvalidOperationException("the filter predicates did not fit their buffer");
        return length;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
