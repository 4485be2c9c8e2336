namespace Sensu.Backend.Secrets.Vault;

/// <summary>Token authentication: <c>client.token</c> is sent as it is.</summary>
internal sealed class VaultStaticToken(string token) : IVaultTokenSource
{
    public bool CanLogIn => false;

    public string? CurrentToken => token;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public void Invalidate(string token) { }

    public void Dispose() { }
}
