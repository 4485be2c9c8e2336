namespace Sensu.Backend.Schedulerd;

/// <summary>When a published check fires next: an interval with splay, or a cron expression.</summary>
public interface ICheckSchedule
{
    /// <summary>Time from <paramref name="now"/> to the next tick; null when the schedule never fires again.</summary>
    TimeSpan? NextDelay(DateTimeOffset now);

    /// <summary>The span proxy requests with splay are spread over for the tick happening at <paramref name="now"/>.</summary>
    TimeSpan Period(DateTimeOffset now);
}
