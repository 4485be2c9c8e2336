using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Sensu.Backend.Schedulerd;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>Pure schedule arithmetic: Sensu's splay, cron with zones, subdue windows, the round-robin ring.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public void Splay_is_the_little_endian_uint64_of_the_md5_of_the_check_name()
    {
        var md5 = MD5.HashData(Encoding.UTF8.GetBytes("check-cpu"));
        Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(md5), IntervalSchedule.Splay("check-cpu"));
        Assert.Equal(260384143942206841UL, IntervalSchedule.Splay("check-cpu"));
    }

    [Fact]
    public void Interval_offset_is_splay_minus_now_modulo_the_interval_in_nanoseconds()
    {
        // Figures computed independently: ((splay - now_ns) mod 2^64) mod 60e9 = 17651758457 ns.
        var schedule = new IntervalSchedule("check-cpu", 60);
        Assert.Equal(TimeSpan.FromTicks(176517584), schedule.NextDelay(DaemonHost.Start));

        // The grid is fixed: a second later the tick is a second nearer; ticks fall on the same instants.
        var later = schedule.NextDelay(DaemonHost.Start.AddSeconds(1))!.Value;
        Assert.Equal(TimeSpan.FromTicks(176517584) - TimeSpan.FromSeconds(1), later);
        var tick = DaemonHost.Start + schedule.NextDelay(DaemonHost.Start)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.NextDelay(tick));
        Assert.NotEqual(schedule.NextDelay(DaemonHost.Start), new IntervalSchedule("check-mem", 60).NextDelay(DaemonHost.Start));
    }

    [Fact]
    public void Cron_next_fire_honours_CRON_TZ_and_TZ_prefixes()
    {
        var start = DaemonHost.Start; // Monday 2025-01-06 12:00 UTC = 07:00 in New York (EST), 21:00 in Tokyo
        Assert.Equal(TimeSpan.FromHours(2), CronSchedule.Parse("CRON_TZ=America/New_York 0 9 * * *").NextDelay(start));
        Assert.Equal(TimeSpan.FromHours(1.5), CronSchedule.Parse("TZ=Asia/Tokyo 30 22 * * *").NextDelay(start));
        Assert.Equal(TimeSpan.FromHours(21), CronSchedule.Parse("0 9 * * *", TimeZoneInfo.Utc).NextDelay(start));
        Assert.Equal(TimeSpan.FromHours(1), CronSchedule.Parse("@hourly", TimeZoneInfo.Utc).NextDelay(start));
        Assert.Equal(TimeSpan.FromSeconds(90), CronSchedule.Parse("@every 1m30s").NextDelay(start));
        Assert.Throws<FormatException>(() => CronSchedule.Parse("CRON_TZ=Nowhere/Town * * * * *"));
    }

    [Fact]
    public void Cron_splay_window_skips_a_run_closer_than_five_seconds()
    {
        var schedule = CronSchedule.Parse("* * * * *", TimeZoneInfo.Utc);
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.Period(DaemonHost.Start.AddSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(63), schedule.Period(DaemonHost.Start.AddSeconds(57)));
    }

    [Fact]
    public void Subdue_windows_cover_once_and_repeated()
    {
        var once = new TimeWindowRepeated { Begin = "2025-01-06T11:00:00Z", End = "2025-01-06T13:00:00Z" };
        Assert.True(SubdueWindows.Covers(once, DaemonHost.Start));
        Assert.False(SubdueWindows.Covers(once, DaemonHost.Start.AddHours(1)));

        var nightly = new TimeWindowRepeated { Begin = "2024-12-01T22:00:00-05:00", End = "2024-12-02T08:00:00-05:00", Repeat = ["daily"] };
        Assert.True(SubdueWindows.Covers(nightly, DaemonHost.Start)); // 07:00 EST
        Assert.False(SubdueWindows.Covers(nightly, DaemonHost.Start.AddHours(2))); // 09:00 EST

        var weekends = new TimeWindowRepeated { Begin = "2025-01-04T00:00:00Z", End = "2025-01-04T23:59:59Z", Repeat = ["weekends"] };
        Assert.False(SubdueWindows.Covers(weekends, DaemonHost.Start)); // Monday
        Assert.True(SubdueWindows.Covers(weekends, DaemonHost.Start.AddDays(5))); // Saturday

        var legacy = new CheckConfig { Subdue = new TimeWindowWhen { Days = new TimeWindowDays { Monday = [new() { Begin = "11:00 AM", End = "1:00 PM" }] } } };
        Assert.True(SubdueWindows.IsSubdued(legacy, DaemonHost.Start));
        Assert.False(SubdueWindows.IsSubdued(legacy, DaemonHost.Start.AddDays(1)));
    }

    [Fact]
    public void Round_robin_ring_rotates_in_order_and_survives_membership_changes()
    {
        var ring = new RoundRobinRing();
        string[] agents = ["a", "b", "c"];
        var picks = Enumerable.Range(0, 4).Select(_ => ring.Next("default", "linux", agents)).ToList();
        Assert.Equal(["a", "b", "c", "a"], picks);
        Assert.Equal("c", ring.Next("default", "linux", ["a", "c"]));
        Assert.Equal("a", ring.Next("default", "linux", ["a", "c"]));
        Assert.Equal("x", ring.Next("default", "other", ["x", "y"]));
        Assert.Null(ring.Next("default", "linux", []));
    }
}
