using Sensu.Core.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>One metric point: name, value, timestamp (as extracted: seconds or finer) and tags.</summary>
public sealed class MetricPoint : IJsonOnDeserialized
{
    public string? Name { get; set; }

    public double Value { get; set; }

    public long Timestamp { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<MetricTag> Tags { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Name is { Length: 0 }) Name = null;
        Tags ??= [];
        Tags.RemoveAll(t => t is null);
    }
}
