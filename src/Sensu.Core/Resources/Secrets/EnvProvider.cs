using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Secrets;

/// <summary>secrets/v1 Env.</summary>
public sealed class EnvProvider : IResource
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
    }
}
