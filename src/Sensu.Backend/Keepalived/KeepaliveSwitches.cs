using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// The liveness switches of every entity (core-spec §4.2), timed by <see cref="TimeProvider"/>. An expired switch
/// is queued for <see cref="ReadExpiredAsync"/>; the reader checks <see cref="KeepaliveSwitch.Generation"/> under the
/// switch's gate, so a keepalive that re-armed it in the meantime wins.
/// </summary>
public sealed class KeepaliveSwitches(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<KeepaliveKey, KeepaliveSwitch> _switches = new();
    private readonly Channel<(KeepaliveKey Key, long Generation)> _expired =
        Channel.CreateUnbounded<(KeepaliveKey, long)>(new UnboundedChannelOptions { SingleReader = true });
    private long _generation;

    public int Count => _switches.Count;

    public KeepaliveSwitch GetOrAdd(KeepaliveKey key) => _switches.GetOrAdd(key, static _ => new KeepaliveSwitch());

    public KeepaliveSwitch? Find(KeepaliveKey key) => _switches.TryGetValue(key, out var value) ? value : null;

    /// <summary>(Re-)arms the switch to fire after <paramref name="due"/>; call with its gate held.</summary>
    public void Arm(KeepaliveKey key, KeepaliveSwitch entry, TimeSpan due)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Timer?.Dispose();
        var generation = Interlocked.Increment(ref _generation);
        entry.Generation = generation;
        var writer = _expired.Writer;
        entry.Timer = time.CreateTimer(
            _ => writer.TryWrite((key, generation)),
            null,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Removes the switch (entity deregistered or deleted); call with its gate held.</summary>
    public void Bury(KeepaliveKey key, KeepaliveSwitch entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Timer?.Dispose();
        entry.Timer = null;
        entry.Generation = -1;
        _switches.TryRemove(new KeyValuePair<KeepaliveKey, KeepaliveSwitch>(key, entry));
    }

    public IAsyncEnumerable<(KeepaliveKey Key, long Generation)> ReadExpiredAsync(CancellationToken cancellationToken) =>
        _expired.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops every timer and ends <see cref="ReadExpiredAsync"/>.</summary>
    public void Complete()
    {
        _expired.Writer.TryComplete();
        foreach (var entry in _switches.Values)
            entry.Timer?.Dispose();
    }

    public void Dispose()
    {
        Complete();
        foreach (var entry in _switches.Values)
            entry.Gate.Dispose();
    }
}
