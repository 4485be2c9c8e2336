using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Authentication;

/// <summary>Token lifetimes (Sensu 6.12: access 5 min, refresh 12 h).</summary>
public sealed class AuthOptions
{
    /// <summary>Lifetime of access tokens (<c>--access-token-expiry</c> in later Sensu versions).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of refresh tokens and of the login session behind them.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Rules checked at start.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (AccessTokenLifetime <= TimeSpan.Zero)
            yield return new ValidationResult("access token lifetime must be positive", [nameof(AccessTokenLifetime)]);
        if (RefreshTokenLifetime <= TimeSpan.Zero)
            yield return new ValidationResult("refresh token lifetime must be positive", [nameof(RefreshTokenLifetime)]);
        if (RefreshTokenLifetime < AccessTokenLifetime)
            yield return new ValidationResult("refresh token lifetime must not be shorter than the access token lifetime", [nameof(RefreshTokenLifetime)]);
    }
}
