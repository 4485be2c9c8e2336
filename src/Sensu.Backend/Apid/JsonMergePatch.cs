using System.Text.Json.Nodes;

namespace Sensu.Backend.Apid;

/// <summary>RFC 7396 JSON merge patch, as Sensu's PATCH routes apply it.</summary>
public static class JsonMergePatch
{
    public static JsonNode Apply(JsonNode? target, JsonNode patch)
    {
        if (patch is not JsonObject patchObject)
            return patch.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
                result.Remove(key);
            else
                result[key] = Apply(result[key], value);
        }
        return result;
    }
}
