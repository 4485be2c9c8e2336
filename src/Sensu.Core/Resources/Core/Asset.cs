using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Asset.</summary>
public sealed class Asset : IResource
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
    }
}
