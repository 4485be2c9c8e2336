using System.Text.Json;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>The inner <c>data</c> of a KV v2 read: the secret's fields (null for a deleted version) and its metadata.</summary>
internal sealed class VaultKvV2Data
{
    public Dictionary<string, JsonElement>? Data { get; set; }

    public VaultKvV2Metadata? Metadata { get; set; }
}
