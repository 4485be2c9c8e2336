namespace Sensu.Backend.Secrets.Vault;

/// <summary>The part of a KV v2 version's metadata that tells a deleted or destroyed version apart.</summary>
internal sealed class VaultKvV2Metadata
{
    public string? DeletionTime { get; set; }

    public bool Destroyed { get; set; }
}
