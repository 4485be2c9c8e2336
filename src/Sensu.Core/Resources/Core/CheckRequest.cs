using System.Text.Json.Serialization;
using Sensu.Core.Json;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 CheckRequest (core-spec §6.3): what the scheduler sends an agent to run a check.
/// <see cref="Secrets"/> holds resolved <c>NAME=value</c> pairs and is only ever filled for sessions that
/// authenticated with a client certificate (secrets-spec §6); never log or store a request.
/// </summary>
public sealed class CheckRequest : IJsonOnDeserialized
{
    public CheckConfig Config { get; set; } = new();

    /// <summary>Written as <c>null</c> when empty, as Go writes a nil slice.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<Asset> Assets { get; set; } = [];

    /// <summary>Written as <c>null</c> when empty, as Go writes a nil slice.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<HookConfig> Hooks { get; set; } = [];

    /// <summary>Unix seconds when the request was issued; agents drop requests not newer than the last one seen.</summary>
    public long Issued { get; set; }

    /// <summary>Written as <c>null</c> when unset (no <c>omitempty</c> in Sensu's type).</summary>
    [JsonPropertyName("hook_assets")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Dictionary<string, CheckRequestHookAssets>? HookAssets { get; set; }

    /// <summary>Resolved secrets as <c>NAME=value</c> (Sensu's wire shape); null when none travel.</summary>
    public List<string>? Secrets { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Config ??= new CheckConfig();
        Assets ??= [];
        Hooks ??= [];
    }
}
