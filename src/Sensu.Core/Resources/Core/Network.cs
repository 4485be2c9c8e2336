using Sensu.Core.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>An entity's network: its interfaces.</summary>
public sealed class Network : IJsonOnDeserialized
{
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<NetworkInterface> Interfaces { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized() => Interfaces ??= [];
}
