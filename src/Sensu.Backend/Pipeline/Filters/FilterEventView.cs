using System.Text.Json.Nodes;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// The <c>event</c> a filter expression sees (core-spec §5.3 steps 3–6): the synthesized event with its entity
/// redacted, empty <c>labels</c>/<c>annotations</c> where missing, and Sensu's extra predicates
/// (<c>has_check</c>, <c>has_metrics</c>, <c>is_incident</c>, <c>is_resolution</c>, <c>is_silenced</c>,
/// <c>is_flapping_start</c>, <c>is_flapping_end</c>).
/// </summary>
public static class FilterEventView
{
    public static JsonObject Build(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var copy = new Event
        {
            Timestamp = ev.Timestamp,
            Entity = ev.Entity?.GetRedacted(),
            Check = ev.Check,
            Metrics = ev.Metrics,
            Metadata = ev.Metadata,
            Id = ev.Id,
            Sequence = ev.Sequence,
            Pipelines = ev.Pipelines,
        };
        var view = Synthesized.Event(copy);
        EnsureMaps(view);
        if (view["check"] is JsonObject check)
            EnsureMaps(check);
        if (view["entity"] is JsonObject entity)
            EnsureMaps(entity);
        view["has_check"] = ev.HasCheck;
        view["has_metrics"] = ev.HasMetrics;
        view["is_incident"] = ev.IsIncident;
        view["is_resolution"] = ev.IsResolution;
        view["is_silenced"] = ev.IsSilenced;
        view["is_flapping_start"] = ev.Check is not null && ev.IsFlappingStart;
        view["is_flapping_end"] = ev.Check is not null && ev.IsFlappingEnd;
        return view;
    }

    private static void EnsureMaps(JsonObject node)
    {
        if (node["metadata"] is not JsonObject metadata)
            node["metadata"] = metadata = [];
        foreach (var key in new[] { "labels", "annotations" })
        {
            if (metadata[key] is not JsonObject)
                metadata[key] = new JsonObject();
            if (node[key] is not JsonObject)
                node[key] = metadata[key]!.DeepClone();
        }
    }
}
