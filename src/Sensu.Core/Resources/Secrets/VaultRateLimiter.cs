using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Secrets;

/// <summary>Client-side token bucket toward Vault: <see cref="Limit"/> requests per second, <see cref="Burst"/> at once.</summary>
public sealed class VaultRateLimiter
{
    public double Limit { get; set; }

    public int Burst { get; set; }

    public void Validate()
    {
        if (double.IsNaN(Limit) || Limit < 0)
            throw new ResourceValidationException("client rate_limiter limit must not be negative");
        if (Burst < 0)
            throw new ResourceValidationException("client rate_limiter burst must not be negative");
    }
}
