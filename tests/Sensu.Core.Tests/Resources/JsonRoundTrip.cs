using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Sensu.Core.Tests.Resources;

/// <summary>Round-trip helpers over the source-generated context.</summary>
internal static class JsonRoundTrip
{
    public static T Read<T>(string json, JsonTypeInfo<T> info) => JsonSerializer.Deserialize(json, info)!;

    public static JsonObject Write<T>(T value, JsonTypeInfo<T> info) =>
        JsonNode.Parse(JsonSerializer.Serialize(value, info))!.AsObject();

    public static string[] Keys(JsonObject obj) => obj.Select(p => p.Key).ToArray();
}
