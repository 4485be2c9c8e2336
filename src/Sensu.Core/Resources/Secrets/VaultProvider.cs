using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Secrets;

/// <summary>secrets/v1 VaultProvider.</summary>
public sealed class VaultProvider : IResource
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
    }
}
