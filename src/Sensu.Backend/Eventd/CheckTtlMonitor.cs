using System.Collections.Concurrent;
using System.Threading.Channels;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// Check TTL liveness switches (core-spec §4.1): one per (namespace, entity, check) whose last result carried
/// <c>ttl &gt; 0</c>, re-armed by every result, buried by a result with <c>ttl: 0</c>. Never armed for
/// <c>keepalive</c>. An expired switch is queued for <see cref="ReadExpiredAsync"/>, whose reader (Eventd) turns it
/// into a synthetic failing result; a switch re-armed or buried in the meantime is skipped there as stale.
/// Timers come from <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </summary>
public sealed class CheckTtlMonitor(TimeProvider time) : IDisposable
{
    /// <summary>The check name keepalived owns; TTL does not apply to it.</summary>
    public const string KeepaliveCheck = "keepalive";

    private readonly ConcurrentDictionary<EventKey, Switch> _switches = new();
    private readonly Channel<Expiry> _expired = Channel.CreateUnbounded<Expiry>(new UnboundedChannelOptions { SingleReader = true });
    private long _generation;

    /// <summary>Switches currently armed.</summary>
    public int Count => _switches.Count;

    /// <summary>True when a switch is armed for <paramref name="key"/>.</summary>
    public bool IsArmed(EventKey key) => _switches.ContainsKey(key);

    /// <summary>Re-arms (ttl &gt; 0) or buries (ttl ≤ 0) the switch of one check after a stored result.</summary>
    public void Observe(EventKey key, long ttl) => Observe(key, ttl, TimeSpan.FromSeconds(Math.Max(0, ttl)));

    /// <summary>Arms with an explicit first delay (start-up: what is left of the ttl since the last execution).</summary>
    public void Observe(EventKey key, long ttl, TimeSpan due)
    {
        if (key.Check == KeepaliveCheck || ttl <= 0)
        {
            Bury(key);
            return;
        }
        var generation = Interlocked.Increment(ref _generation);
        var entry = new Switch(generation);
        entry.Timer = time.CreateTimer(
            static state => ((CheckTtlMonitor.Pending)state!).Fire(),
            new Pending(this, new Expiry(key, generation)),
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            Timeout.InfiniteTimeSpan);
        if (_switches.TryGetValue(key, out var previous) && _switches.TryUpdate(key, entry, previous))
        {
            previous.Timer?.Dispose();
            return;
        }
        if (!_switches.TryAdd(key, entry))
        {
            // Lost a race with another observer of the same key (Eventd orders per key, so only start-up can race).
            _switches.AddOrUpdate(key, entry, (_, old) =>
            {
                old.Timer?.Dispose();
                return entry;
            });
        }
    }

    /// <summary>Removes the switch of <paramref name="key"/>, if any.</summary>
    public void Bury(EventKey key)
    {
        if (_switches.TryRemove(key, out var entry))
            entry.Timer?.Dispose();
    }

    /// <summary>True when the expiry still belongs to the armed switch (not re-armed or buried since).</summary>
    public bool IsCurrent(EventKey key, long generation) =>
        _switches.TryGetValue(key, out var entry) && entry.Generation == generation;

    /// <summary>Expired switches, in expiry order, until <see cref="Complete"/>.</summary>
    public IAsyncEnumerable<(EventKey Key, long Generation)> ReadExpiredAsync(CancellationToken cancellationToken) =>
        _expired.Reader.ReadAllAsync(cancellationToken).Select(e => (e.Key, e.Generation));

    /// <summary>Stops every timer and ends <see cref="ReadExpiredAsync"/>.</summary>
    public void Complete()
    {
        _expired.Writer.TryComplete();
        foreach (var key in _switches.Keys)
            Bury(key);
    }

    public void Dispose() => Complete();

    private sealed record Expiry(EventKey Key, long Generation);

    private sealed class Switch(long generation)
    {
        public long Generation { get; } = generation;

        public ITimer? Timer { get; set; }
    }

    private sealed class Pending(CheckTtlMonitor owner, Expiry expiry)
    {
        public void Fire() => owner._expired.Writer.TryWrite(expiry);
    }
}
