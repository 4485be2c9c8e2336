using System.Text.Json.Serialization;

namespace Sensu.Core.Meta;

/// <summary>Sensu's ObjectMeta (core v2 meta.proto): every field is omitted when empty.</summary>
public sealed class ObjectMeta
{
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Name { get; set; }

    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Namespace { get; set; }

    [JsonPropertyName("labels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("annotations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Dictionary<string, string>? Annotations { get; set; }

    [JsonPropertyName("created_by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? CreatedBy { get; set; }

    /// <summary>Drops empty maps so that an empty <c>labels: {}</c> serialises like Sensu (omitted).</summary>
    public void Normalize()
    {
        if (Labels is { Count: 0 }) Labels = null;
        if (Annotations is { Count: 0 }) Annotations = null;
        if (Name is { Length: 0 }) Name = null;
        if (Namespace is { Length: 0 }) Namespace = null;
        if (CreatedBy is { Length: 0 }) CreatedBy = null;
    }
}
