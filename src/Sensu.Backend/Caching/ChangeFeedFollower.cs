using Microsoft.Extensions.Hosting;
using Sensu.Store;

namespace Sensu.Backend.Caching;

/// <summary>
/// An in-memory view of some store kinds kept fresh by the store's change feed: subscribes, loads everything
/// (subscribed before the load, so nothing committed in between is missed), is ready, then applies each change as it
/// comes. A feed that falls behind starts it over (subscribe, load); a store that cannot be read is retried after a
/// second. Subclasses say what to load, how to apply a change and how to log the two failures.
/// </summary>
public abstract class ChangeFeedFollower(IChangeFeed feed, IReadOnlySet<string> kinds, TimeProvider time) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The clock the follower waits with (also for subclasses).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Completes once the first load is done; fails if the view stops before that.</summary>
    public Task WaitReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Reads everything of the followed kinds from the store and replaces the view with it.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Applies one committed change; runs on the follower's own loop, one change at a time.</summary>
    protected abstract void Apply(ResourceChange change);

    /// <summary>Called after each full load, once the view is ready (on the follower's loop).</summary>
    protected virtual void OnLoaded()
    {
    }

    /// <summary>The feed fell behind; the view is reloaded next.</summary>
    protected abstract void OnLagged(ChangeFeedLaggedException exception);

    /// <summary>The store could not be read; the view is reloaded after a second.</summary>
    protected abstract void OnFailed(StoreException exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var changes = feed.WatchAsync(kinds, stoppingToken);
                    await LoadAsync(stoppingToken);
                    _ready.TrySetResult();
                    OnLoaded();
                    await foreach (var change in changes)
                        Apply(change);
                }
                catch (ChangeFeedLaggedException ex)
                {
                    OnLagged(ex);
                }
                catch (StoreException ex)
                {
                    OnFailed(ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), Time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _ready.TrySetCanceled(stoppingToken);
        }
    }
}
