using Sensu.Backend.Pipeline.Filters;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Filters;

/// <summary><c>when</c> windows: all-days and weekday lists, strict bounds, windows wrapping over midnight, UTC.</summary>
public sealed class TimeWindowTests
{
    private static TimeWindowWhen When(string begin, string end, bool monday = false) => new()
    {
        Days = monday
            ? new TimeWindowDays { Monday = [new TimeWindowTimeRange { Begin = begin, End = end }] }
            : new TimeWindowDays { All = [new TimeWindowTimeRange { Begin = begin, End = end }] },
    };

    [Theory]
    [InlineData("9:00 AM", "5:00 PM", "2024-01-03T12:00:00Z", true)]
    [InlineData("9:00 AM", "5:00 PM", "2024-01-03T08:59:00Z", false)]
    [InlineData("9:00 AM", "5:00 PM", "2024-01-03T17:00:00Z", false)]
    [InlineData("5:00 PM", "8:00 AM", "2024-01-03T23:00:00Z", true)]
    [InlineData("5:00 PM", "8:00 AM", "2024-01-03T03:00:00Z", true)]
    [InlineData("5:00 PM", "8:00 AM", "2024-01-03T12:00:00Z", false)]
    [InlineData("9:00 AM", "5:00 PM", "2024-01-03T12:00:00+05:00", false)]
    public void All_days_windows(string begin, string end, string now, bool inside) =>
        Assert.Equal(inside, TimeWindow.Contains(When(begin, end), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Weekday_windows_apply_on_their_day_only()
    {
        var when = When("12:00 AM", "11:59 PM", monday: true);
        Assert.True(TimeWindow.Contains(when, new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.False(TimeWindow.Contains(when, new DateTimeOffset(2024, 1, 2, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_bad_time_is_a_format_error() =>
        Assert.Throws<FormatException>(() => TimeWindow.Contains(When("25:00", "5:00 PM"), DateTimeOffset.UnixEpoch));
}
