namespace Sensu.Backend.Secrets.Vault;

/// <summary>Gives the token to send as <c>X-Vault-Token</c>: a configured one, or one got by logging in.</summary>
internal interface IVaultTokenSource : IDisposable
{
    /// <summary>True when a rejected token can be replaced by logging in again.</summary>
    bool CanLogIn { get; }

    /// <summary>The token currently in use, if any (to keep it out of error texts).</summary>
    string? CurrentToken { get; }

    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Vault refused <paramref name="token"/>; forget it so the next call logs in again.</summary>
    void Invalidate(string token);
}
