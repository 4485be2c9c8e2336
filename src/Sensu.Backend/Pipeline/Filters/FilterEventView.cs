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

    /// <summary>
    /// The view before the metadata lift, as UTF-8 JSON, for a <see cref="JavaScriptScope"/> that binds its parsed
    /// document (<see cref="JavaScriptScope.JsonGlobals"/>) with <see cref="JavaScriptScope.LiftMetadata"/>, which
    /// lifts only what a script touches (the lift also gives the event, the check and the entity their
    /// <c>labels</c>/<c>annotations</c>, copied from their metadata). Written from copies: the event is not changed.
    /// </summary>
    public static byte[] ToUtf8(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
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
        return WithPredicates(JsonSerializer.SerializeToUtf8Bytes(view, SensuJsonContext.Default.Event), ev);
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

    /// <summary>The event's JSON object with the predicates appended as its last members.</summary>
    private static byte[] WithPredicates(byte[] json, Event ev)
    {
        Span<byte> tail = stackalloc byte[256];
        var written = Utf8.TryWrite(tail, $"\"has_check\":{Bool(ev.HasCheck)},\"has_metrics\":{Bool(ev.HasMetrics)},\"is_incident\":{Bool(ev.IsIncident)},\"is_resolution\":{Bool(ev.IsResolution)},\"is_silenced\":{Bool(ev.IsSilenced)},\"is_flapping_start\":{Bool(ev.Check is not null && ev.IsFlappingStart)},\"is_flapping_end\":{Bool(ev.Check is not null && ev.IsFlappingEnd)}}}", out var length);
        if (!written || json.Length < 2 || json[^1] != (byte)'}')
            throw new InvalidOperationException("the event did not serialize as a JSON object");
        var empty = json.Length == 2;
        var result = new byte[json.Length - 1 + (empty ? 0 : 1) + length];
        json.AsSpan(0, json.Length - 1).CopyTo(result);
        if (!empty)
            result[json.Length - 1] = (byte)',';
        tail[..length].CopyTo(result.AsSpan(result.Length - length));
        return result;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
