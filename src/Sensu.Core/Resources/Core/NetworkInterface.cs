using Sensu.Core.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>One network interface of an entity: name, MAC address and CIDR addresses.</summary>
public sealed class NetworkInterface : IJsonOnDeserialized
{
    public string? Name { get; set; }

    public string? Mac { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Addresses { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Name is { Length: 0 }) Name = null;
        if (Mac is { Length: 0 }) Mac = null;
        Addresses ??= [];
    }
}
