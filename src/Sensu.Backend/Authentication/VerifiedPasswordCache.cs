using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Remembers successful bcrypt verifications so that thousands of agents reconnecting with the same password
/// do not each pay a bcrypt round (about 50–100 ms of CPU at cost 10). Only successes are remembered, so a
/// wrong password always pays full price. An entry is keyed by the stored hash and an HMAC of the password under
/// a key that lives only in this process: changing a user's password changes the hash and retires the entry;
/// the password itself is never kept.
/// </summary>
public sealed class VerifiedPasswordCache
{
    /// <summary>Entries kept before the cache starts over (a bound, not a tuning knob).</summary>
    public const int Capacity = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    public bool Verify(string password, string? hash)
    {
        if (string.IsNullOrEmpty(hash) || password is null)
            return false;
        var entry = Entry(password, hash);
        if (_verified.ContainsKey(entry))
            return true;
        if (!PasswordHasher.Verify(password, hash))
            return false;
        if (_verified.Count >= Capacity)
            _verified.Clear();
        _verified.TryAdd(entry, 0);
        return true;
    }

    private string Entry(string password, string hash)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));
        return hash + ":" + Convert.ToBase64String(mac);
    }
}
