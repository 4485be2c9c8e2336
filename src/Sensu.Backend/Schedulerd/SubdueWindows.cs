using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Whether a check is subdued now (core-spec §7): any of its 6.x <c>subdues</c> windows (RFC 3339 begin/end in
/// their own offset, optionally repeated daily, on weekdays, weekends, a weekday, monthly or annually) or of its
/// legacy <c>subdue.days</c> windows (UTC kitchen times, an end before the begin wrapping over midnight) covers it.
/// </summary>
public static class SubdueWindows
{
    public static bool IsSubdued(CheckDefinition check, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        foreach (var window in check.Subdues ?? [])
        {
            if (Covers(window, now))
                return true;
        }
        return check.Subdue is { Days: { } days } && Covers(days, now.UtcDateTime);
    }

    public static bool Covers(TimeWindowRepeated window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!TimeWindowRepeated.TryParseTimestamp(window.Begin, out var begin) || !TimeWindowRepeated.TryParseTimestamp(window.End, out var end))
            return false;
        if (now >= begin && now < end)
            return true;
        if (window.Repeat is not { Count: > 0 } repeats || now < begin)
            return false;
        var length = end - begin;
        var local = now.ToOffset(begin.Offset);
        var lookBack = (int)Math.Ceiling(length.TotalDays) + 1;
        for (var back = 0; back <= lookBack; back++)
        {
            var day = local.Date.AddDays(-back);
            var start = new DateTimeOffset(day + begin.TimeOfDay, begin.Offset);
            if (start < begin || now < start || now >= start + length)
                continue;
            if (repeats.Any(r => Repeats(r, start, begin)))
                return true;
        }
        return false;
    }

    private static bool Repeats(string repeat, DateTimeOffset start, DateTimeOffset begin) => repeat switch
    {
        "daily" => true,
        "weekdays" => start.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
        "weekends" => start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
        "mondays" => start.DayOfWeek == DayOfWeek.Monday,
        "tuesdays" => start.DayOfWeek == DayOfWeek.Tuesday,
        "wednesdays" => start.DayOfWeek == DayOfWeek.Wednesday,
        "thursdays" => start.DayOfWeek == DayOfWeek.Thursday,
        "fridays" => start.DayOfWeek == DayOfWeek.Friday,
        "saturdays" => start.DayOfWeek == DayOfWeek.Saturday,
        "sundays" => start.DayOfWeek == DayOfWeek.Sunday,
        "monthly" => start.Day == begin.Day,
        "annually" => start.Day == begin.Day && start.Month == begin.Month,
        _ => false,
    };

    private static bool Covers(TimeWindowDays days, DateTime utc)
    {
        var today = (days.All ?? []).Concat(days.For(utc.DayOfWeek) ?? []);
        var yesterday = (days.All ?? []).Concat(days.For(utc.AddDays(-1).DayOfWeek) ?? []);
        var time = utc.TimeOfDay;
        foreach (var range in today)
        {
            if (!TimeWindowTimeRange.TryParseKitchen(range.Begin, out var b) || !TimeWindowTimeRange.TryParseKitchen(range.End, out var e))
                continue;
            if (b <= e ? time >= b && time < e : time >= b)
                return true;
        }
        foreach (var range in yesterday)
        {
            // A window that began yesterday and wraps over midnight.
            if (TimeWindowTimeRange.TryParseKitchen(range.Begin, out var b) && TimeWindowTimeRange.TryParseKitchen(range.End, out var e) && e < b && time < e)
                return true;
        }
        return false;
    }
}
