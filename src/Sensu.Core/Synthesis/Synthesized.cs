using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Core.Synthesis;

/// <summary>
/// The view scripts and templates get of a resource (Sensu's "synthesized" form): its JSON with the fields of every
/// nested <c>metadata</c> object also lifted to the level of that object, so <c>entity.name</c>,
/// <c>event.check.labels.x</c> and <c>{{ .labels.disk }}</c> work as in Sensu. <c>metadata</c> itself is kept.
/// Used by event filters (<c>event</c>), asset and proxy filters (<c>entity</c>) and token substitution.
/// </summary>
public static class Synthesized
{
    public static JsonObject Entity(Entity entity) =>
        Lift(JsonSerializer.SerializeToNode(entity, SensuJsonContext.Default.Entity)!.AsObject());

    /// <summary>Lifts metadata fields in place, recursively, without overwriting a field the object already has.</summary>
    public static JsonObject Lift(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var (_, child) in node.ToList())
            LiftWithin(child);
        if (node["metadata"] is JsonObject metadata)
        {
            foreach (var (key, value) in metadata)
            {
                if (!node.ContainsKey(key))
                    node[key] = value?.DeepClone();
            }
        }
        return node;
    }

    /// <summary>Objects inside arrays are lifted too (a check's hooks), as Sensu synthesizes slice elements.</summary>
    private static void LiftWithin(JsonNode? child)
    {
        if (child is JsonObject childObject)
        {
            Lift(childObject);
        }
        else if (child is JsonArray array)
        {
            foreach (var item in array)
                LiftWithin(item);
        }
    }
}
