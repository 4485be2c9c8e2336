namespace Sensu.Backend.Secrets.Vault;

/// <summary>Vault's error body for any status ≥ 400: <c>{"errors": ["message", ...]}</c> (an empty list on a bare 404).</summary>
internal sealed class VaultErrorResponse
{
    public List<string>? Errors { get; set; }
}
