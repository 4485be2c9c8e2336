using System.Collections.Concurrent;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Failed logins per key (a user name, or a client address), in memory, at most <see cref="Capacity"/> keys.
/// After <c>free</c> failures in a row, each further failure locks the key for <c>base × 2^(failures − free)</c>, up to
/// <c>cap</c>; a key whose last failure is older than twice the cap, and is not locked, is forgotten. When full, the
/// tracker forgets stale keys, then unlocked ones; a new key that still does not fit is not tracked (the other
/// dimension, address or name, still is).
/// </summary>
public sealed class LoginFailureTracker(int capacity, int free, TimeSpan backoffBase, TimeSpan backoffCap, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LoginFailures> _failures = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    public int Count => _failures.Count;

    /// <summary>How long the key is still locked, or null.</summary>
    public TimeSpan? LockedFor(string key)
    {
        if (!_failures.TryGetValue(key, out var entry))
            return null;
        var now = time.GetUtcNow();
        if (entry.LockedUntil > now)
            return entry.LockedUntil - now;
        if (IsStale(entry, now))
            _failures.TryRemove(new KeyValuePair<string, LoginFailures>(key, entry));
        return null;
    }

    public void Fail(string key)
    {
        var now = time.GetUtcNow();
        if (!_failures.ContainsKey(key) && _failures.Count >= capacity && !MakeRoom(now))
            return;
        _failures.AddOrUpdate(
            key,
            _ => Next(0, now),
            (_, current) => Next(IsStale(current, now) ? 0 : current.Count, now));
    }

    public void Reset(string key) => _failures.TryRemove(key, out _);

    private LoginFailures Next(int count, DateTimeOffset now)
    {
        count++;
        if (count < free)
            return new LoginFailures(count, now, DateTimeOffset.MinValue);
        var doublings = Math.Min(count - free, 30);
        var ticks = Math.Min(backoffBase.Ticks * (1L << doublings), backoffCap.Ticks);
        return new LoginFailures(count, now, now + TimeSpan.FromTicks(ticks));
    }

    private bool IsStale(LoginFailures entry, DateTimeOffset now) =>
        entry.LockedUntil <= now && now - entry.LastFailure > backoffCap * 2;

    private bool MakeRoom(DateTimeOffset now)
    {
        foreach (var entry in _failures)
        {
            if (IsStale(entry.Value, now))
                _failures.TryRemove(entry);
        }
        if (_failures.Count < capacity)
            return true;
        foreach (var entry in _failures)
        {
            if (entry.Value.LockedUntil <= now)
                _failures.TryRemove(entry);
        }
        return _failures.Count < capacity;
    }
}
