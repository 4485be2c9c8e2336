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
    private readonly SemaphoreSlim _writerLock = new(1, 1);
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
    /// Runs a write in one immediate transaction under the writer lock; commits, then publishes the changes the
    /// work recorded (still under the lock, so the feed is in revision order). Any exception rolls everything back.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteWriteContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var context = new SqliteWriteContext(connection, transaction);
            var result = await work(context, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            if (context.Changes.Count != 0)
            {
                Changes.Publish(context.Changes);
            }

            return result;
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        finally
        {
            _writerLock.Release();
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
