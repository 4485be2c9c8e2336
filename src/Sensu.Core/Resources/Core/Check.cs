using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Core;

/// <summary>A check inside an event: every CheckConfig field plus execution results (core-spec §3.2).</summary>
public sealed class Check
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();
}
