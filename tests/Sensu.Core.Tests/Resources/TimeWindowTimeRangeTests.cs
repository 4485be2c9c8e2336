using Sensu.Core.Resources.Core;

namespace Sensu.Core.Tests.Resources;

/// <summary>The kitchen-clock times (<c>5:00 PM</c>) of filter time windows.</summary>
public sealed class TimeWindowTimeRangeTests
{
    [Theory]
    [InlineData("5:00 PM", 17, 0)]
    [InlineData("8:00AM", 8, 0)]
    [InlineData("12:30 AM", 0, 30)]
    [InlineData("12:30 PM", 12, 30)]
    [InlineData("00:00 AM", 0, 0)]
    [InlineData("11:59 PM", 23, 59)]
    public void Kitchen_times_parse(string text, int hour, int minute)
    {
        Assert.True(TimeWindowTimeRange.TryParseKitchen(text, out var t));
        Assert.Equal(new TimeSpan(hour, minute, 0), t);
    }

    [Theory]
    [InlineData("17:00")]
    [InlineData("13:00 PM")]
    [InlineData("5:60 PM")]
    [InlineData("5:00 pm")]
    [InlineData("5 PM")]
    [InlineData("")]
    public void Bad_kitchen_times_fail(string text) => Assert.False(TimeWindowTimeRange.TryParseKitchen(text, out _));
}
