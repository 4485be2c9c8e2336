using Sensu.Store;

namespace Sensu.Backend.Tests.Support;

/// <summary>A small in-memory <see cref="IResourceReader"/>/<see cref="IResourceWriter"/>/<see cref="IChangeFeed"/> following the store contract.</summary>
public sealed class InMemoryResourceStore : IResourceReader, IResourceWriter, IChangeFeed
{
    private readonly Lock _gate = new();
    private readonly ChangeBroadcaster _changes = new();
    private readonly SortedDictionary<(string Kind, string Namespace, string Name), StoredResource> _items = new();
    private long _revision;

    public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_items.GetValueOrDefault((key.Kind, key.Namespace, key.Name)));
    }

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var items = _items.Values
                .Where(r => r.Key.Kind == kind && (@namespace is null || r.Key.Namespace == @namespace))
                .ToList();
            return Task.FromResult(new Page<StoredResource>(items, null));
        }
    }

    public Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.ContainsKey(Id(write.Key)))
                throw new AlreadyExistsException(write.Key);
            return Task.FromResult(Store(write));
        }
    }

    public Task<(StoredResource Resource, PutOutcome Outcome)> PutAsync(ResourceWrite write, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var outcome = _items.ContainsKey(Id(write.Key)) ? PutOutcome.Replaced : PutOutcome.Created;
            return Task.FromResult((Store(write), outcome));
        }
    }

    public Task<StoredResource> ReplaceAsync(ResourceWrite write, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(Id(write.Key), out var current) || current.Revision != expectedRevision)
                throw new ResourceNotFoundException(write.Key);
            return Task.FromResult(Store(write));
        }
    }

    public Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_items.Remove(Id(key)))
                return Task.FromResult(false);
            _changes.Publish([new ResourceChange(ChangeKind.Delete, key, null, ++_revision)]);
            return Task.FromResult(true);
        }
    }

    public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken) =>
        _changes.WatchAsync(kinds, cancellationToken);

    public Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var write in writes)
                CheckNamespace(write.Key);
            foreach (var write in writes)
                Store(write);
        }
        return Task.CompletedTask;
    }

    private StoredResource Store(ResourceWrite write)
    {
        CheckNamespace(write.Key);
        var stored = new StoredResource(write.Key, write.Type, write.Json, ++_revision);
        _items[Id(write.Key)] = stored;
        _changes.Publish([new ResourceChange(ChangeKind.Put, write.Key, stored, stored.Revision)]);
        return stored;
    }

    private void CheckNamespace(ResourceKey key)
    {
        if (key.Namespace.Length > 0 && !_items.ContainsKey((StoreKinds.Namespaces, string.Empty, key.Namespace)))
            throw new NamespaceNotFoundException(key.Namespace);
    }

    private static (string, string, string) Id(ResourceKey key) => (key.Kind, key.Namespace, key.Name);
}
