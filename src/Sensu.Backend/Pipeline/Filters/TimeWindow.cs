using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// Evaluates a filter's <c>when</c> windows at a UTC instant (core-spec §5.3 step 4): the instant is inside when it
/// falls strictly within one of the <c>all</c> windows or one of its weekday's windows; a window whose end is before
/// its begin wraps over midnight.
/// </summary>
public static class TimeWindow
{
    /// <summary>True when <paramref name="now"/> is inside one of the windows; throws <see cref="FormatException"/> on a bad time.</summary>
    public static bool Contains(TimeWindowWhen when, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(when);
        var utc = now.UtcDateTime;
        var days = when.Days ?? new TimeWindowDays();
        var windows = (days.All ?? []).Concat(days.For(utc.DayOfWeek) ?? []);
        return windows.Any(w => Contains(w, utc));
    }

    private static bool Contains(TimeWindowTimeRange window, DateTime utc)
    {
        if (!TimeWindowTimeRange.TryParseKitchen(window.Begin, out var beginOfDay))
            throw new FormatException($"parsing time \"{window.Begin}\" as \"3:04PM\": invalid begin time");
        if (!TimeWindowTimeRange.TryParseKitchen(window.End, out var endOfDay))
            throw new FormatException($"parsing time \"{window.End}\" as \"3:04PM\": invalid end time");
        var begin = utc.Date + beginOfDay;
        var end = utc.Date + endOfDay;
        if (end < begin)
        {
            if (utc < end)
                begin = begin.AddDays(-1);
            else
                end = end.AddDays(1);
        }
        return utc > begin && utc < end;
    }
}
