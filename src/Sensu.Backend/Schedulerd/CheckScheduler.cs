using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// The timer loop of one published check: waits for each tick of its schedule (on <see cref="TimeProvider"/>),
/// skips ticks inside a subdue window, and executes the rest. <see cref="StopAsync"/> cancels and awaits the loop.
/// </summary>
internal sealed class CheckScheduler(
    CheckConfig check,
    string fingerprint,
    ICheckSchedule schedule,
    CheckExecutor executor,
    TimeProvider time,
    SchedulerdMetrics metrics,
    ILogger logger)
{
    private readonly CancellationTokenSource _cts = new();
    private Task _loop = Task.CompletedTask;

    public string Fingerprint { get; } = fingerprint;

    public void Start() => _loop = Task.Run(() => RunAsync(_cts.Token), CancellationToken.None);

    public async Task StopAsync()
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _cts.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var name = $"{check.Metadata.Namespace}/{check.Metadata.Name}";
        DateTimeOffset? previous = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // The next tick comes strictly after the previous one: a timer that wakes a little before its target
            // instant must not see that same instant again and fire twice.
            var before = time.GetUtcNow();
            var from = previous is { } last && last > before ? last : before;
            if (schedule.NextDelay(from) is not { } delay)
                return;
            var target = from + delay;
            var wait = target - before;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
            previous = target;
            var now = time.GetUtcNow();
            if (SubdueWindows.IsSubdued(check, now))
            {
                Log.Subdued(logger, name);
                metrics.Execution("subdued");
                continue;
            }
            try
            {
                await executor.ExecuteAsync(check, null, schedule.Period(now), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ExecutionFailed(logger, name, ex);
                metrics.Execution("error");
            }
        }
    }
}
