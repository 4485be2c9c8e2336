using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Interval scheduling with Sensu's deterministic splay (core-spec §7): <c>splay</c> is the little-endian uint64 of
/// the first 8 bytes of md5(check name); the next tick is <c>(splay − now_ns) mod interval_ns</c> away, in unsigned
/// 64-bit arithmetic. Every backend (and every restart) thus fires a given check on the same grid, and checks with
/// the same interval are spread over it. Computing each wait from the grid also keeps ticks from drifting.
/// </summary>
public sealed class IntervalSchedule(string checkName, uint intervalSeconds) : ICheckSchedule
{
    private readonly ulong _splay = Splay(checkName);
    private readonly ulong _intervalNs = (ulong)intervalSeconds * 1_000_000_000UL;

    public uint IntervalSeconds { get; } = intervalSeconds;

    public static ulong Splay(string checkName)
    {
        ArgumentNullException.ThrowIfNull(checkName);
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(Encoding.UTF8.GetBytes(checkName), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>Sensu's initial offset: <c>(splay − now_ns) mod interval_ns</c>.</summary>
    public static TimeSpan Offset(ulong splay, ulong nowUnixNanoseconds, ulong intervalNanoseconds)
    {
        var offset = unchecked(splay - nowUnixNanoseconds) % intervalNanoseconds;
        return TimeSpan.FromTicks((long)(offset / 100));
    }

    public TimeSpan? NextDelay(DateTimeOffset now)
    {
        var nowNs = (ulong)(now - DateTimeOffset.UnixEpoch).Ticks * 100UL;
        var delay = Offset(_splay, nowNs, _intervalNs);
        return delay <= TimeSpan.Zero ? TimeSpan.FromSeconds(IntervalSeconds) : delay;
    }

    /// <summary>The window proxy requests are spread over: the interval.</summary>
    public TimeSpan Period(DateTimeOffset now) => TimeSpan.FromSeconds(IntervalSeconds);
}
