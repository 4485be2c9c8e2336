using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Schedulerd;

/// <summary>The schedule of a check: cron when it has one, else its interval with splay.</summary>
public static class CheckSchedules
{
    /// <exception cref="FormatException">the cron expression or its time zone is invalid.</exception>
    public static ICheckSchedule For(CheckConfig check, TimeZoneInfo? localZone = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!string.IsNullOrWhiteSpace(check.Cron))
            return CronSchedule.Parse(check.Cron, localZone);
        if (check.Interval == 0)
            throw new FormatException("check has neither an interval nor a cron schedule");
        return new IntervalSchedule(check.Metadata.Name!, check.Interval);
    }
}
