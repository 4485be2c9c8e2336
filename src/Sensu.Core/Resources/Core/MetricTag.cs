using System.Text.Json.Serialization;
namespace Sensu.Core.Resources.Core;

/// <summary>A metric tag <c>{name, value}</c>: check <c>output_metric_tags</c> and threshold tag matchers.</summary>
public sealed class MetricTag
{
    [JsonIgnore]
    public string Name { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Name"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("name")]
    internal string? NameJson { get => Name.Length == 0 ? null : Name; set => Name = value ?? ""; }

    [JsonIgnore]
    public string Value { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Value"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("value")]
    internal string? ValueJson { get => Value.Length == 0 ? null : Value; set => Value = value ?? ""; }
}
