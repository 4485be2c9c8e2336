namespace Sensu.Backend.Secrets.Vault;

/// <summary>Answer of <c>auth/cert/login</c> and <c>auth/token/renew-self</c>: <c>{"auth": {...}}</c>.</summary>
internal sealed class VaultAuthResponse
{
    public VaultAuthInfo? Auth { get; set; }
}
