using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>An event's <c>metrics</c>: the points extracted from check output and the handlers that get them.</summary>
public sealed class Metrics : IJsonOnDeserialized
{
    public List<string> Handlers { get; set; } = [];

    public List<MetricPoint> Points { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        Handlers ??= [];
        Points ??= [];
        Points.RemoveAll(p => p is null);
    }
}
