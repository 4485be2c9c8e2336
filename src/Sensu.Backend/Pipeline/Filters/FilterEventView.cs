using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// The <c>event</c> a filter expression sees (core-spec §5.3 steps 3–6): the synthesized event with its entity
/// redacted, empty <c>labels</c>/<c>annotations</c> where missing, and Sensu's extra predicates
/// (<c>has_check</c>, <c>has_metrics</c>, <c>is_incident</c>, <c>is_resolution</c>, <c>is_silenced</c>,
/// <c>is_flapping_start</c>, <c>is_flapping_end</c>).
/// </summary>
public static class FilterEventView
{
    /// <summary>The whole view as JSON, metadata lifted everywhere.</summary>
    public static JsonObject Build(Event ev) => Synthesized.Lift(ForScript(ev));

    /// <summary>
    /// The view before the metadata lift, for a <see cref="JavaScriptScope"/> with
    /// <see cref="JavaScriptScope.LiftMetadata"/>, which lifts only what a script touches. It is parsed from the
    /// event's JSON, so its objects are only read when something looks at them too.
    /// </summary>
    public static JsonObject ForScript(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var view = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(JsonMutator.Redacted(ev), SensuJsonContext.Default.Event))!.AsObject();
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
        foreach (var key in MapKeys)
        {
            if (metadata[key] is not JsonObject)
                metadata[key] = new JsonObject();
            if (node[key] is not JsonObject)
                node[key] = metadata[key]!.DeepClone();
        }
    }

    private static readonly string[] MapKeys = ["labels", "annotations"];
}
