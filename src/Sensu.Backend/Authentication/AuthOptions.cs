using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Authentication;

/// <summary>Token lifetimes (Sensu 6.12: access 5 min, refresh 12 h).</summary>
public sealed class AuthOptions
{
    /// <summary>Lifetime of access tokens (<c>--access-token-expiry</c> in later Sensu versions).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of refresh tokens and of the login session behind them.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>bcrypt comparisons run at once; 0 (the default) means one fewer than the machine's cores, at least one.</summary>
    public int PasswordCheckConcurrency { get; set; }

    /// <summary>Password checks that may wait for a bcrypt worker; beyond that a login is answered 503 at once.</summary>
    public int PasswordCheckQueue { get; set; } = 32;

    /// <summary>Failed logins in a row (per user name, and per client address) before the back-off starts.</summary>
    public int LoginFreeFailures { get; set; } = 5;

    /// <summary>The first lock once the free failures are used; it doubles with each further failure.</summary>
    public TimeSpan LoginBackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest lock.</summary>
    public TimeSpan LoginBackoffCap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>User names (and, apart, client addresses) whose failures are tracked at most.</summary>
    public int LoginThrottleCapacity { get; set; } = 10_000;

    /// <summary>Rules checked at start.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (AccessTokenLifetime <= TimeSpan.Zero)
            yield return new ValidationResult("access token lifetime must be positive", [nameof(AccessTokenLifetime)]);
        if (RefreshTokenLifetime <= TimeSpan.Zero)
            yield return new ValidationResult("refresh token lifetime must be positive", [nameof(RefreshTokenLifetime)]);
        if (RefreshTokenLifetime < AccessTokenLifetime)
            yield return new ValidationResult("refresh token lifetime must not be shorter than the access token lifetime", [nameof(RefreshTokenLifetime)]);
        if (PasswordCheckConcurrency < 0)
            yield return new ValidationResult("password check concurrency must not be negative", [nameof(PasswordCheckConcurrency)]);
        if (PasswordCheckQueue < 0)
            yield return new ValidationResult("password check queue must not be negative", [nameof(PasswordCheckQueue)]);
        if (LoginFreeFailures < 1)
            yield return new ValidationResult("free login failures must be at least 1", [nameof(LoginFreeFailures)]);
        if (LoginBackoffBase <= TimeSpan.Zero || LoginBackoffCap < LoginBackoffBase)
            yield return new ValidationResult("login back-off must be positive and its cap not below its base", [nameof(LoginBackoffCap)]);
        if (LoginThrottleCapacity < 1)
            yield return new ValidationResult("login throttle capacity must be at least 1", [nameof(LoginThrottleCapacity)]);
    }
}
