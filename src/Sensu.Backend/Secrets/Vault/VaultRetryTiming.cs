namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Backoff between retries toward Vault: exponential from <see cref="BaseDelay"/> with jitter, capped at
/// <see cref="MaxDelay"/>; a <c>Retry-After</c> header (429/503) is honoured up to the cap. Tests shorten it.
/// </summary>
internal sealed record VaultRetryTiming(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Vault's client waits 1 s to 1.5 s between tries; we start at 1 s and grow.</summary>
    public static VaultRetryTiming Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
}
