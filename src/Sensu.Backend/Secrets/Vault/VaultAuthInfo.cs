namespace Sensu.Backend.Secrets.Vault;

/// <summary>A client token with its lifetime in seconds (0: never expires) and whether it can be renewed.</summary>
internal sealed class VaultAuthInfo
{
    public string? ClientToken { get; set; }

    public long LeaseDuration { get; set; }

    public bool Renewable { get; set; }
}
