using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 CheckRequest (core-spec §6.3): what the scheduler sends an agent to run a check.
/// <see cref="Secrets"/> holds resolved <c>NAME=value</c> pairs and is only ever filled for sessions that
/// authenticated with a client certificate (secrets-spec §6); never log or store a request.
/// </summary>
public sealed class CheckRequest
{
    public CheckConfig Config { get; set; } = new();

    public List<Asset> Assets { get; set; } = [];

    public List<HookConfig> Hooks { get; set; } = [];

    /// <summary>Unix seconds when the request was issued; agents drop requests not newer than the last one seen.</summary>
    public long Issued { get; set; }

    [JsonPropertyName("hook_assets")]
    public Dictionary<string, CheckRequestHookAssets>? HookAssets { get; set; }

    /// <summary>Resolved secrets as <c>NAME=value</c> (Sensu's wire shape); null when none travel.</summary>
    public List<string>? Secrets { get; set; }
}
