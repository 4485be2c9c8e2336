using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>An entity's deregistration settings: the handler run when the entity is deregistered.</summary>
public sealed class Deregistration : IJsonOnDeserialized
{
    public string? Handler { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Handler is { Length: 0 }) Handler = null;
    }
}
