namespace Sensu.Backend.Secrets.Vault;

/// <summary>KV v2 read: <c>{"data": {"data": {...}, "metadata": {...}}}</c>; no lease.</summary>
internal sealed class VaultKvV2Response
{
    public VaultKvV2Data? Data { get; set; }
}
