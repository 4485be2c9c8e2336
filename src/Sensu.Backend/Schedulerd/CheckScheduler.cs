using Microsoft.Extensions.Logging;
using Sensu.Backend.Cluster;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// The timer loop of one published check: waits for each tick of its schedule (on <see cref="TimeProvider"/>),
/// skips ticks inside a subdue window and ticks this backend did not lead (<see cref="IClusterLeader"/>), and executes the rest. <see cref="StopAsync"/> cancels and awaits the loop.
/// </summary>
internal sealed class CheckScheduler(
    CheckConfig check,
    string fingerprint,
    ICheckSchedule schedule,
    CheckExecutor executor,
    IClusterLeader leader,
    TimeProvider time,
    SchedulerdMetrics metrics,
    ILogger logger)
{
    private readonly CancellationTokenSource _cts = new();
    private Task _loop = Task.CompletedTask;

    public string Fingerprint { get; } = fingerprint;

    public void Start()
    {
        var scheduledAt = time.GetUtcNow();
        _loop = Task.Run(() => RunAsync(scheduledAt, _cts.Token), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _cts.Dispose();
    }

    private async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var name = $"{check.Metadata.Namespace}/{check.Metadata.Name}";
        // Ticks are counted from the instant the check was scheduled (a tick passing while the loop starts is not
        // lost), and each next tick comes strictly after the previous target: a timer that wakes a little before
        // its instant must not see that same instant again and fire twice.
        var from = scheduledAt;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (schedule.NextDelay(from) is not { } delay)
                return;
            var target = from + delay;
            var wait = target - time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
            var now = time.GetUtcNow();
            from = target > now ? target : now;
            // The leader at the tick's own instant executes it: a follower whose timer fired late, after taking the
            // lease over, must not execute a tick its predecessor already did.
            if (!leader.IsLeaderAt(target))
                continue;
            if (SubdueWindows.IsSubdued(check, now))
            {
                Log.Subdued(logger, name);
                metrics.Execution("subdued");
                continue;
            }
            try
            {
                await executor.ExecuteAsync(check, null, schedule.Period(now), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ExecutionFailed(logger, name, ex);
                metrics.Execution("error");
            }
        }
    }
}
