using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Sensu.Store;

/// <summary>
/// In-process <see cref="IChangeFeed"/>: a provider calls <see cref="Publish"/> after each commit, in commit order
/// (for example while still holding its writer lock). Each subscriber reads from its own bounded channel;
/// one that is full is dropped with <see cref="ChangeFeedLaggedException"/> so that writers never wait for readers.
/// </summary>
public sealed class ChangeBroadcaster : IChangeFeed, IDisposable
{
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly List<ChangeSubscription> _subscriptions = [];
    private readonly int _capacity;
    private bool _disposed;

    public ChangeBroadcaster(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>How many subscribers are currently attached (for tests and metrics).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        cancellationToken.ThrowIfCancellationRequested();
        var subscription = new ChangeSubscription(kinds, _capacity);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _subscriptions.Add(subscription);
        }

        var registration = cancellationToken.Register(() => Remove(subscription, error: null));
        return ReadAsync(subscription, registration, cancellationToken);
    }

    /// <summary>
    /// Hands committed changes to every matching subscriber; never blocks. A subscriber whose queue is full is
    /// completed with <see cref="ChangeFeedLaggedException"/> at once, so it never sees a later change after a gap.
    /// </summary>
    public void Publish(IEnumerable<ResourceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                for (var i = _subscriptions.Count - 1; i >= 0; i--)
                {
                    var subscription = _subscriptions[i];
                    if (!subscription.TryOffer(change))
                    {
                        _subscriptions.RemoveAt(i);
                        subscription.Complete(new ChangeFeedLaggedException(_capacity));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Ends every current subscription with <see cref="ChangeFeedLaggedException"/> (a provider that lost changes it
    /// cannot replay, e.g. pruned while its listener was away); later subscriptions are unaffected.
    /// </summary>
    public void DropAll()
    {
        ChangeSubscription[] all;
        lock (_gate)
        {
            all = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in all)
        {
            subscription.Complete(new ChangeFeedLaggedException(_capacity));
        }
    }

    /// <summary>Ends every subscription (their streams simply complete).</summary>
    public void Dispose()
    {
        ChangeSubscription[] all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in all)
        {
            subscription.Complete(null);
        }
    }

    private void Remove(ChangeSubscription subscription, Exception? error)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }

        subscription.Complete(error);
    }

    private async IAsyncEnumerable<ResourceChange> ReadAsync(
        ChangeSubscription subscription,
        CancellationTokenRegistration registration,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            await registration.DisposeAsync();
            Remove(subscription, error: null);
        }
    }
}
