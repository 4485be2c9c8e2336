using System.Text.Json.Serialization;
using Sensu.Core.Json;

namespace Sensu.Core.Resources.Core;

/// <summary>The assets of one hook inside a <see cref="CheckRequest"/> (Sensu's <c>AssetList</c>).</summary>
public sealed class CheckRequestHookAssets : IJsonOnDeserialized
{
    /// <summary>Written as <c>null</c> when empty, as Go writes a nil slice.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<Asset> Assets { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized() => Assets ??= [];
}
