using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Support;

/// <summary>
/// The real embedded store in a fresh temporary directory, seen through the resource roles the unit tests need
/// (reader, writer, change feed); the <c>default</c> namespace exists, as after <c>sensu-backend init</c>.
/// Deleted with its directory on dispose.
/// </summary>
public sealed class SqliteTestStore : IResourceReader, IResourceWriter, IChangeFeed, IAsyncDisposable, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensu-backend-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteStore _store;
    private readonly SqliteResourceReader _reader;
    private readonly SqliteResourceWriter _writer;
    private int _disposed;

    public SqliteTestStore()
    {
        _store = new SqliteStore(new SqliteStoreOptions { StateDirectory = _dir });
        _reader = new SqliteResourceReader(_store);
        _writer = new SqliteResourceWriter(_store);
        _writer.PutAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", """{"name":"default"}"""), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken) => _reader.GetAsync(key, cancellationToken);

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, PageRequest page, CancellationToken cancellationToken) =>
        _reader.ListAsync(kind, @namespace, page, cancellationToken);

    public Task<Page<StoredResource>> ListAsync(string kind, string? @namespace, StoreFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        _reader.ListAsync(kind, @namespace, filter, page, cancellationToken);

    public Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken) => _writer.CreateAsync(write, cancellationToken);

    public Task<(StoredResource Resource, PutOutcome Outcome)> PutAsync(ResourceWrite write, CancellationToken cancellationToken) =>
        _writer.PutAsync(write, cancellationToken);

    public Task<StoredResource> ReplaceAsync(ResourceWrite write, long expectedRevision, CancellationToken cancellationToken) =>
        _writer.ReplaceAsync(write, expectedRevision, cancellationToken);

    public Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken) => _writer.DeleteAsync(key, cancellationToken);

    public Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken) => _writer.PutManyAsync(writes, cancellationToken);

    public IAsyncEnumerable<ResourceChange> WatchAsync(IReadOnlySet<string> kinds, CancellationToken cancellationToken) =>
        _store.Changes.WatchAsync(kinds, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _store.DisposeAsync();
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
