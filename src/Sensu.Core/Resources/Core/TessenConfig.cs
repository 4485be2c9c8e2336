using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 TessenConfig (<c>/api/core/v2/tessen</c>): <c>{"opt_out": bool}</c>, no metadata in JSON.</summary>
public sealed class TessenConfig : IResource
{
    public bool OptOut { get; set; }

    /// <summary>Not serialised: Tessen's configuration is a singleton without name or namespace.</summary>
    [JsonIgnore]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
    }
}
