using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Secrets;

/// <summary>secrets/v1 Secret.</summary>
public sealed class Secret : IResource
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
    }
}
