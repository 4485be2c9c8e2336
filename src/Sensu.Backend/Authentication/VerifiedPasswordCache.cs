using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Remembers successful bcrypt verifications so that thousands of agents reconnecting with the same password
/// do not each pay a bcrypt round (about 50–100 ms of CPU at cost 10). Only successes are remembered, so a
/// wrong password always pays full price. An entry maps the stored hash to an HMAC of the password under a key
/// that lives only in this process (the password itself is never kept): changing a user's password changes the
/// hash, so the entry can no longer match, and <see cref="AuthStateView"/> also <see cref="Forget"/>s the old hash
/// as soon as the change arrives. A hash matches one password only, so one entry per hash is enough.
/// </summary>
public sealed class VerifiedPasswordCache
{
    /// <summary>Entries kept before the cache starts over (a bound, not a tuning knob).</summary>
    public const int Capacity = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);

    /// <summary>Checks with the cache, then bcrypt on the calling thread (tests and tools; the server goes through <see cref="PasswordCheckPool"/>).</summary>
    public bool Verify(string password, string? hash)
    {
        if (IsVerified(password, hash))
            return true;
        if (!PasswordHasher.Verify(password, hash))
            return false;
        Remember(password, hash!);
        return true;
    }

    /// <summary>True when this password was verified against this hash before (no bcrypt).</summary>
    public bool IsVerified(string password, string? hash) =>
        !string.IsNullOrEmpty(hash) && password is not null
        && _verified.TryGetValue(hash, out var mac)
        && CryptographicOperations.FixedTimeEquals(mac, Mac(password));

    /// <summary>Records a successful bcrypt verification.</summary>
    public void Remember(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentException.ThrowIfNullOrEmpty(hash);
        if (_verified.Count >= Capacity)
            _verified.Clear();
        _verified[hash] = Mac(password);
    }

    /// <summary>Drops what was remembered for a hash that is no longer any user's.</summary>
    public void Forget(string? hash)
    {
        if (!string.IsNullOrEmpty(hash))
            _verified.TryRemove(hash, out _);
    }

    private byte[] Mac(string password) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));
}
