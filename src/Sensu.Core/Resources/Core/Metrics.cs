using Sensu.Core.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>An event's <c>metrics</c>: the points extracted from check output and the handlers that get them.</summary>
public sealed class Metrics : IJsonOnDeserialized
{
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Handlers { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<MetricPoint> Points { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        Handlers ??= [];
        Points ??= [];
        Points.RemoveAll(p => p is null);
    }
}
