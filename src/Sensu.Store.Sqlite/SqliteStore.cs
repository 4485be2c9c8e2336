using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sensu.Store.Sqlite;

/// <summary>
/// Owns the embedded database: its file, the schema (created or migrated on first use), pooled connections for
/// reads (one per operation), the one writer loop and its long-lived connection with prepared statements, and the
/// change feed fed after each commit. The role classes
/// (<see cref="SqliteResourceReader"/>, <see cref="SqliteResourceWriter"/>, <see cref="SqliteEventStore"/>,
/// <see cref="SqliteStoreHealth"/>) run their SQL through it.
/// </summary>
public sealed class SqliteStore : IAsyncDisposable
{
    private readonly string _connectionString;
    /// <summary>Most writes committed together in one transaction.</summary>
    internal const int MaxBatch = 512;

    private readonly System.Threading.Channels.Channel<PendingWrite> _pending =
        System.Threading.Channels.Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Task _writerLoop;
    private readonly Lock _initGate = new();
    private SqliteWriteConnection? _writer;
    private Task? _initialization;
    private StoreUnavailableException? _writesRefused;
    private string? _testWriterPragmas;
    private int _reopenWriter;

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
        _writerLoop = Task.Run(RunWriterAsync);
    }

    public SqliteStoreOptions Options { get; }

    /// <summary>Full path of <c>sensu.db</c>.</summary>
    public string DatabasePath { get; }

    internal ILogger Logger { get; }

    /// <summary>The last committed event of each key, kept by the writer loop (this instance is the file's one writer).</summary>
    internal SqliteLatestEvents LatestEvents { get; } = new();

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
        _pending.Writer.TryComplete();
        await _writerLoop;
        await DropWriterAsync();
        await using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Runs a read on its own connection.</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(writer: false, cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs a write atomically, in revision order, and publishes the changes it recorded after its commit.
    /// Writes are group-committed: callers queue their work, and the store's one writer loop runs everything queued
    /// (up to <see cref="MaxBatch"/>) in one immediate transaction, each write inside its own savepoint (a write that
    /// throws is rolled back alone and its caller gets the exception; the others commit). One commit per batch
    /// instead of one per write is what lets Eventd store thousands of events per second. A caller cancelled before
    /// its write was taken gets <see cref="OperationCanceledException"/> and nothing is written; once taken, its
    /// outcome stands. Writes are queued synchronously, so writes issued one after another by one caller (without
    /// awaiting each) commit in that order, even before the schema is ready (the writer loop waits for it).
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteWriteContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool singleStatement = false)
    {
        var pending = new PendingWrite(async (context, ct) => await work(context, ct), singleStatement, cancellationToken);
        if (!_pending.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteStore), $"sqlite store \"{DatabasePath}\" is closed");
        using (cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static state => ((PendingWrite)state!).TryCancel(), pending) : default)
        {
            return (T)(await pending.Completion.Task)!;
        }
    }

    /// <summary>The single writer: waits for queued writes and commits them batch after batch until the store closes.</summary>
    private async Task RunWriterAsync()
    {
        var reader = _pending.Reader;
        var batch = new List<PendingWrite>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var queued))
            {
                if (queued.TryTake())
                    batch.Add(queued);
            }
            if (batch.Count == 0)
                continue;
            try
            {
                await InitializeAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                foreach (var write in batch)
                    write.Fail(ex);
                continue;
            }
            await RunBatchAsync(batch);
        }
    }

    /// <summary>Runs <paramref name="batch"/> in one transaction; only the writer loop calls it.</summary>
    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        var succeeded = new List<(PendingWrite Write, SqliteWriteContext Context, object? Result)>(batch.Count);
        try
        {
            if (Interlocked.Exchange(ref _reopenWriter, 0) == 1)
            {
                // Pragmas stay on a pooled connection: close them all for real so the next writer starts clean.
                await using (var any = new SqliteConnection(_connectionString))
                    SqliteConnection.ClearPool(any);
                await DropWriterAsync();
            }
            _writer ??= new SqliteWriteConnection(await OpenWriterAsync());
            await using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            var writes = new SqliteWriteBatch(_writer, transaction);
            var changes = new List<ResourceChange>();
            foreach (var write in batch)
            {
                await writes.BeginWriteAsync(write.SingleStatement, CancellationToken.None);
                var context = new SqliteWriteContext(writes);
                try
                {
                    var result = await write.Work(context, write.CancellationToken);
                    await writes.EndWriteAsync(context.Changes, CancellationToken.None);
                    changes.AddRange(context.Changes);
                    succeeded.Add((write, context, result));
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 8 or 10 or 13 })
                {
                    // Its own failure (not found, already exists, cancelled, a constraint): undo it alone.
                    await writes.UndoWriteAsync(CancellationToken.None);
                    write.Fail(PendingWrite.Translate(this, ex));
                }
            }
            await writes.FlushRevisionAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            WritesAccepted();
            foreach (var (_, context, _) in succeeded)
                context.Committed();
            if (changes.Count != 0)
                Changes.Publish(changes);
            foreach (var (write, _, result) in succeeded)
                write.Complete(result);
        }
        catch (Exception ex)
        {
            // The transaction itself failed (I/O error, disk full, database gone): nothing of the batch is written,
            // and the next batch starts on a fresh connection.
            await DropWriterAsync();
            var error = PendingWrite.Translate(this, ex);
            if (error is StoreUnavailableException refused)
                WritesRefused(refused);
            foreach (var write in batch)
                write.Fail(error);
        }
    }

    /// <summary>The writer loop's connection: the write pragmas, then the test seam's if any.</summary>
    private async Task<SqliteConnection> OpenWriterAsync()
    {
        var connection = await OpenAsync(writer: true, CancellationToken.None);
        if (Volatile.Read(ref _testWriterPragmas) is { } extra)
        {
            try
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = extra;
                await pragmas.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        return connection;
    }

    /// <summary>
    /// The last write batch failed for a store condition (disk full, read-only, busy, I/O error), or null when it
    /// committed. <c>/health</c> reports it: reads may still work while writes are refused. It clears with the next
    /// batch that commits; a backend writes all the time (keepalives, events), so no probe write is needed.
    /// </summary>
    internal StoreUnavailableException? LastWriteRefusal => Volatile.Read(ref _writesRefused);

    private void WritesRefused(StoreUnavailableException refused)
    {
        if (Interlocked.Exchange(ref _writesRefused, refused) is null)
            Log.WritesRefused(Logger, StoreConditions.Name(refused.Condition), refused.Message);
    }

    private void WritesAccepted()
    {
        if (Interlocked.Exchange(ref _writesRefused, null) is { } was)
            Log.WritesRecovered(Logger, StoreConditions.Name(was.Condition));
    }

    /// <summary>
    /// Test seam: extra pragmas for the writer connection, applied from the next batch on (a fresh connection) and
    /// to every writer connection after that, e.g. <c>PRAGMA max_page_count</c> to run out of space (SQLITE_FULL)
    /// or <c>PRAGMA query_only</c> to refuse writes (SQLITE_READONLY), which work as root, unlike chmod; null
    /// removes them.
    /// </summary>
    internal void SetWriterPragmasForTesting(string? pragmas)
    {
        Volatile.Write(ref _testWriterPragmas, pragmas);
        Volatile.Write(ref _reopenWriter, 1);
    }

    /// <summary>Reads a pragma on the writer connection (tests: <c>synchronous</c>), through the write queue.</summary>
    internal Task<object?> ReadWriterPragmaAsync(string pragma, CancellationToken cancellationToken) =>
        WriteAsync((context, ct) => context.Command(pragma).ExecuteScalarAsync(ct), cancellationToken, singleStatement: true);

    private async Task DropWriterAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            try
            {
                await writer.DisposeAsync();
            }
            catch (SqliteException)
            {
                // Already broken: nothing more to release.
            }
        }
    }

    /// <summary>
    /// Opens a pooled connection. The writer's gets the write pragmas (busy timeout, synchronous per
    /// <see cref="SqliteStoreOptions.Synchronous"/>) once;
    /// readers need none (WAL readers never wait for the writer, and the driver retries a busy step itself).
    /// </summary>
    internal async Task<SqliteConnection> OpenAsync(bool writer, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (writer)
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SchemaSql.WriterPragmas(Options.Synchronous);
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The store's failure, classified; its message names the file for operators, its condition is for clients.</summary>
    internal StoreUnavailableException Unavailable(Exception ex) =>
        new(SqliteConditions.Classify(ex), $"sqlite store \"{DatabasePath}\" is unavailable: {ex.Message}", ex);
}
