using System.Threading.RateLimiting;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Builds the <c>rate_limiter</c> token bucket (secrets-spec §4.8): refills <c>limit</c> tokens per second up to
/// <c>burst</c>; requests beyond it wait in order (never dropped). <c>limit &lt;= 0</c> means no limiter, and a
/// burst of 0 counts as 1 so a configured limit can never block every request.
/// </summary>
internal static class VaultRequestPacer
{
    public static RateLimiter? Create(VaultRateLimiter? config)
    {
        if (config is null || !(config.Limit > 0) || double.IsInfinity(config.Limit))
            return null;
        var tokenLimit = Math.Max(1, config.Burst);
        // Refill in steps of about 50 ms, at least one token per step and never more than the bucket holds.
        var tokensPerPeriod = Math.Min(tokenLimit, Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(config.Limit * 0.05))));
        var period = TimeSpan.FromSeconds(tokensPerPeriod / config.Limit);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
