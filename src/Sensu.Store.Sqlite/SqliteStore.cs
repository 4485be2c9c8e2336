using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sensu.Store.Sqlite;

/// <summary>
/// Owns the embedded database: its file, the schema (created or migrated on first use), pooled connections
/// (one per operation), the single writer lock and the change feed fed after each commit. The role classes
/// (<see cref="SqliteResourceReader"/>, <see cref="SqliteResourceWriter"/>, <see cref="SqliteEventStore"/>,
/// <see cref="SqliteStoreHealth"/>) run their SQL through it.
/// </summary>
public sealed class SqliteStore : IAsyncDisposable
{
    private readonly string _connectionString;
    /// <summary>Most writes committed together in one transaction.</summary>
    internal const int MaxBatch = 512;

    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<PendingWrite> _pending = new();
    private readonly Lock _initGate = new();
    private Task? _initialization;

    public SqliteStore(SqliteStoreOptions options, ILogger<SqliteStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Logger = logger ?? NullLogger<SqliteStore>.Instance;
        Options = options;
        DatabasePath = options.DatabasePath;
        Changes = new ChangeBroadcaster(options.ChangeFeedCapacity);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public SqliteStoreOptions Options { get; }

    /// <summary>Full path of <c>sensu.db</c>.</summary>
    public string DatabasePath { get; }

    internal ILogger Logger { get; }

    /// <summary>The change feed; fed by the writers of this store instance.</summary>
    public ChangeBroadcaster Changes { get; }

    /// <summary>
    /// Creates the state directory and the database, turns WAL on and applies pending migrations. Idempotent;
    /// every operation awaits it, so calling it at start only makes failures surface early.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialization) is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_initGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = Task.Run(() => new SqliteSchema(this).ApplyAsync(CancellationToken.None), CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Changes.Dispose();
        await _writerLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            _writerLock.Release();
        }
    }

    /// <summary>Runs a read on its own connection.</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs a write atomically, in revision order, and publishes the changes it recorded after its commit.
    /// Writes are group-committed: concurrent callers queue their work, and whoever holds the writer lock runs every
    /// queued write in one immediate transaction, each inside its own savepoint (a write that throws is rolled back
    /// alone and its caller gets the exception; the others commit). One commit per batch instead of one per write
    /// is what lets Eventd store thousands of events per second. A caller cancelled before its write was taken
    /// gets <see cref="OperationCanceledException"/> and nothing is written.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteWriteContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingWrite(async (context, ct) => await work(context, ct).ConfigureAwait(false), cancellationToken);
        _pending.Enqueue(pending);
        try
        {
            await _writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // A leader took this write before the cancellation: its outcome stands.
            return (T)(await pending.Completion.Task.ConfigureAwait(false))!;
        }

        try
        {
            if (!pending.Completion.Task.IsCompleted)
                await RunBatchAsync().ConfigureAwait(false);
        }
        finally
        {
            _writerLock.Release();
        }
        return (T)(await pending.Completion.Task.ConfigureAwait(false))!;
    }

    /// <summary>Runs every queued write (up to <see cref="MaxBatch"/>) in one transaction; caller holds the writer lock.</summary>
    private async Task RunBatchAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var queued))
        {
            if (queued.TryTake())
                batch.Add(queued);
        }
        if (batch.Count == 0)
            return;

        var succeeded = new List<(PendingWrite Write, object? Result)>(batch.Count);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var changes = new List<ResourceChange>();
            for (var i = 0; i < batch.Count; i++)
            {
                var write = batch[i];
                var savepoint = PendingWrite.Savepoint(i);
                transaction.Save(savepoint);
                var context = new SqliteWriteContext(connection, transaction);
                try
                {
                    var result = await write.Work(context, write.CancellationToken).ConfigureAwait(false);
                    transaction.Release(savepoint);
                    changes.AddRange(context.Changes);
                    succeeded.Add((write, result));
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 10 or 13 })
                {
                    // Its own failure (not found, already exists, cancelled, a constraint): undo it alone.
                    transaction.Rollback(savepoint);
                    transaction.Release(savepoint);
                    write.Fail(PendingWrite.Translate(this, ex));
                }
            }
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            if (changes.Count != 0)
                Changes.Publish(changes);
            foreach (var (write, result) in succeeded)
                write.Complete(result);
        }
        catch (Exception ex)
        {
            // The transaction itself failed (I/O error, disk full, database gone): nothing of the batch is written.
            var error = PendingWrite.Translate(this, ex);
            foreach (var write in batch)
                write.Fail(error);
        }
    }

    /// <summary>Opens a pooled connection with the per-connection pragmas applied.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SchemaSql.ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal StoreUnavailableException Unavailable(Exception ex) =>
        new($"sqlite store \"{DatabasePath}\" is unavailable: {ex.Message}", ex);
}
