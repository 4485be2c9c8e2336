using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Where every password is checked. bcrypt is CPU work of about 50–100 ms at cost 10: a
/// <see cref="ConcurrencyLimiter"/> lets at most <see cref="AuthOptions.PasswordCheckConcurrency"/> comparisons run
/// at once (default: one core fewer than the machine has), with a bounded queue; when that queue is full the check
/// answers <see cref="PasswordCheck.Busy"/> at once instead of queueing without end, so a flood of wrong passwords
/// cannot take every core from the rest of the API. Unknown and disabled users cost the same bcrypt comparison as
/// known ones (against a dummy hash of the default cost), so the answer time does not tell which names exist.
/// Successes are remembered by <see cref="VerifiedPasswordCache"/> and then cost no bcrypt.
/// </summary>
public sealed class PasswordCheckPool : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly IPasswordVerifier _verifier;
    private readonly VerifiedPasswordCache _cache;
    private readonly Lazy<string> _dummyHash = new(() => PasswordHasher.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18))));

    public PasswordCheckPool(IPasswordVerifier verifier, VerifiedPasswordCache cache, IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _verifier = verifier;
        _cache = cache;
        var workers = options.Value.PasswordCheckConcurrency > 0 ? options.Value.PasswordCheckConcurrency : Math.Max(1, Environment.ProcessorCount - 1);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = workers,
            QueueLimit = options.Value.PasswordCheckQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Checks <paramref name="password"/> for <paramref name="user"/> (null: unknown). A disabled user never verifies.</summary>
    public async Task<PasswordCheck> CheckAsync(User? user, string password, CancellationToken cancellationToken)
    {
        var usable = user is { Disabled: false } && PasswordHasher.IsBcryptHash(user.PasswordHash);
        if (usable && _cache.IsVerified(password, user!.PasswordHash))
            return PasswordCheck.Verified;

        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
            return PasswordCheck.Busy;
        if (!usable)
        {
            // Same work as a real comparison; the answer is "wrong" whatever it says.
            _verifier.Verify(password, _dummyHash.Value);
            return PasswordCheck.Wrong;
        }
        if (!_verifier.Verify(password, user!.PasswordHash!))
            return PasswordCheck.Wrong;
        _cache.Remember(password, user.PasswordHash!);
        return PasswordCheck.Verified;
    }

    public void Dispose() => _limiter.Dispose();
}
