using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>A process running on an entity's host (name only).</summary>
public sealed class SystemProcess : IJsonOnDeserialized
{
    public string Name { get; set; } = "";

    void IJsonOnDeserialized.OnDeserialized() => Name ??= "";
}
