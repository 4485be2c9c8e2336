namespace Sensu.Backend.Secrets.Vault;

/// <summary>A token got from Vault: use it until <see cref="RefreshAt"/>, then renew it (if renewable) or log in again.</summary>
internal sealed record VaultTokenState(string Token, bool Renewable, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Refresh at two thirds of the lease; a lease of 0 never expires.</summary>
    public static VaultTokenState From(VaultAuthInfo auth, DateTimeOffset now)
    {
        if (auth.LeaseDuration <= 0)
            return new VaultTokenState(auth.ClientToken!, auth.Renewable, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        var lease = TimeSpan.FromSeconds(auth.LeaseDuration);
        return new VaultTokenState(auth.ClientToken!, auth.Renewable, now + lease * 2 / 3, now + lease);
    }
}
