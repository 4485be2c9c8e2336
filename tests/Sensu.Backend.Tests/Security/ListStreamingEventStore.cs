using System.Collections.Concurrent;
using Sensu.Store;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// An <see cref="IEventStore"/> over the real one that records every list read and, when armed, holds the reads after
/// the first of a listing (those with a continue token) until released, or makes them fail.
/// </summary>
public sealed class ListStreamingEventStore(IEventStore inner) : IEventStore
{
    private readonly TaskCompletionSource _laterReadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The list reads of one namespace (daemons list every namespace at start, unpaginated).</summary>
    public ConcurrentQueue<PageRequest> ListReads { get; } = new();

    public string WatchedNamespace { get; set; } = "default";

    /// <summary>Reads with a continue token wait for <see cref="Release"/>.</summary>
    public bool HoldLaterReads { get; set; }

    /// <summary>Reads with a continue token fail as a broken store would.</summary>
    public bool FailLaterReads { get; set; }

    public Task LaterReadStarted => _laterReadStarted.Task;

    public void Release() => _release.TrySetResult();

    public async Task<Page<StoredEvent>> ListEventsAsync(string? @namespace, string? entity, PageRequest page, CancellationToken cancellationToken)
    {
        if (@namespace != WatchedNamespace || entity is not null)
            return await inner.ListEventsAsync(@namespace, entity, page, cancellationToken);
        ListReads.Enqueue(page);
        if (page.Continue is not null)
        {
            _laterReadStarted.TrySetResult();
            if (FailLaterReads)
                throw new InvalidOperationException("the store broke in the middle of a listing");
            if (HoldLaterReads)
                await _release.Task.WaitAsync(cancellationToken);
        }
        return await inner.ListEventsAsync(@namespace, entity, page, cancellationToken);
    }

    public Task<StoredEvent?> GetEventAsync(EventKey key, CancellationToken cancellationToken) => inner.GetEventAsync(key, cancellationToken);

    public Task<long> PutEventAsync(EventKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) => inner.PutEventAsync(key, json, cancellationToken);

    public Task<bool> DeleteEventAsync(EventKey key, CancellationToken cancellationToken) => inner.DeleteEventAsync(key, cancellationToken);

    public Task<int> DeleteEntityEventsAsync(string @namespace, string entity, CancellationToken cancellationToken) =>
        inner.DeleteEntityEventsAsync(@namespace, entity, cancellationToken);
}
