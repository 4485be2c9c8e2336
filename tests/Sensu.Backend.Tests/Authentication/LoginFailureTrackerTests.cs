using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Tests.Authentication;

public sealed class LoginFailureTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private LoginFailureTracker Tracker(int capacity = 100) =>
        new(capacity, free: 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), _time);

    [Fact]
    public void Locks_after_the_free_failures_and_doubles_up_to_the_cap()
    {
        var tracker = Tracker();
        tracker.Fail("bob");
        tracker.Fail("bob");
        Assert.Null(tracker.LockedFor("bob"));
        tracker.Fail("bob");
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.LockedFor("bob"));
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(600), tracker.LockedFor("bob"));
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Null(tracker.LockedFor("bob"));

        var expected = new[] { 2, 4, 8, 10, 10 };
        foreach (var seconds in expected)
        {
            tracker.Fail("bob");
            Assert.Equal(TimeSpan.FromSeconds(seconds), tracker.LockedFor("bob"));
            _time.Advance(TimeSpan.FromSeconds(seconds));
        }
        Assert.Null(tracker.LockedFor("alice"));
    }

    [Fact]
    public void Reset_and_staleness_forget_failures()
    {
        var tracker = Tracker();
        tracker.Fail("bob");
        tracker.Fail("bob");
        tracker.Reset("bob");
        tracker.Fail("bob");
        tracker.Fail("bob");
        Assert.Null(tracker.LockedFor("bob"));

        _time.Advance(TimeSpan.FromSeconds(21)); // more than twice the cap since the last failure
        tracker.Fail("bob");
        Assert.Null(tracker.LockedFor("bob"));
    }

    [Fact]
    public void Stays_within_its_capacity_and_keeps_locked_keys()
    {
        var tracker = Tracker(capacity: 4);
        for (var i = 0; i < 3; i++)
            tracker.Fail("locked");
        for (var i = 0; i < 50; i++)
            tracker.Fail("name" + i);
        Assert.True(tracker.Count <= 4);
        Assert.NotNull(tracker.LockedFor("locked"));
    }
}
