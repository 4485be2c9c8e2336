using System.Text.Json;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>KV v1 read: <c>{"data": {...}, "lease_duration": 3600, "lease_id": "", "renewable": false}</c>.</summary>
internal sealed class VaultKvV1Response
{
    public Dictionary<string, JsonElement>? Data { get; set; }

    /// <summary>Advisory seconds (from a <c>ttl</c> key written with the secret, else the mount default).</summary>
    public long LeaseDuration { get; set; }
}
