using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// Owns one backend's use of a PostgreSQL database: the connection pool (<see cref="NpgsqlDataSource"/>, statements
/// auto-prepared), the schema (migrated on first use), resource writes (each its own transaction, serialized across
/// the cluster by an advisory lock so revisions follow commit order), the event batcher (group commit), and the change
/// listener that feeds this instance's watchers from the <c>changes</c> table. The role classes run their SQL through it.
/// </summary>
public sealed class PostgresStore : IAsyncDisposable
{
    private readonly Lock _initGate = new();
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _listenSource;
    private readonly string? _password;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _listener;
    private Task? _initialization;
    private long _localCommitted;
    private long _published;

    public PostgresStore(PostgresStoreOptions options, ILogger<PostgresStore>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Logger = logger ?? NullLogger<PostgresStore>.Instance;
        Time = time ?? TimeProvider.System;
        Options = options;
        var builder = PostgresDsn.Parse(options.Dsn);
        _password = builder.Password;
        Server = PostgresDsn.Describe(builder);
        if (options.MaxOpenConns > 0)
            builder.MaxPoolSize = options.MaxOpenConns;
        if (options.MaxIdleConns > 0)
            builder.MinPoolSize = Math.Min(options.MaxIdleConns, builder.MaxPoolSize);
        if (options.MaxConnLifetime > 0)
            builder.ConnectionLifetime = options.MaxConnLifetime;
        if (!options.Dsn.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "sensu-backend";
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();

        var listen = new NpgsqlConnectionStringBuilder(builder.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = builder.ApplicationName + " change feed",
        };
        _listenSource = new NpgsqlDataSourceBuilder(listen.ConnectionString).Build();
        Changes = new ChangeBroadcaster(options.ChangeFeedCapacity);
        Feed = new PostgresChangeFeed(this);
        Batcher = new PostgresEventBatcher(this);
        _listener = Task.Run(() => new PostgresChangeListener(this).RunAsync(_stopping.Token));
    }

    public PostgresStoreOptions Options { get; }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server { get; }

    internal ILogger Logger { get; }

    internal TimeProvider Time { get; }

    /// <summary>Where changes read by the listener are published, in revision order.</summary>
    internal ChangeBroadcaster Changes { get; }

    /// <summary>The change feed of this instance (every backend's committed resource writes).</summary>
    public IChangeFeed Feed { get; }

    internal PostgresEventBatcher Batcher { get; }

    internal NpgsqlDataSource ListenSource => _listenSource;

    /// <summary>The latest revision published to watchers by the listener.</summary>
    internal long Published
    {
        get => Interlocked.Read(ref _published);
        set => Interlocked.Exchange(ref _published, value);
    }

    /// <summary>The latest change revision this instance committed (watchers subscribing now start after it).</summary>
    internal long LocalCommitted => Interlocked.Read(ref _localCommitted);

    /// <summary>Applies pending migrations under an advisory lock. Idempotent; every operation awaits it.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialization) is { IsCompletedSuccessfully: true })
            return Task.CompletedTask;
        lock (_initGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
                _initialization = Task.Run(() => new PostgresSchema(this).ApplyAsync(_stopping.Token), CancellationToken.None);
            return _initialization.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Batcher.DisposeAsync();
        await _listener;
        Changes.Dispose();
        await _dataSource.DisposeAsync();
        await _listenSource.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>Opens a pooled connection (after the schema is ready).</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Opens a pooled connection without waiting for the schema (the migrator's own).</summary>
    internal ValueTask<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs a read on a pooled connection; store failures become <see cref="StoreUnavailableException"/>.</summary>
    internal async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception ex) when (PostgresConditions.IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs a resource write in its own transaction: takes the cluster-wide resource-write lock, lets
    /// <paramref name="work"/> write and record its changes, notifies listeners and commits. The changes reach
    /// watchers (of every backend) through the listener once committed.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<PostgresWriteContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var context = new PostgresWriteContext(connection, transaction);
            await context.ExecuteAsync(CommonSql.LockResourceWrites, cancellationToken, CommonSql.ResourceWriteLockKey);
            var result = await work(context, cancellationToken);
            if (context.LastRevision is not null)
                await context.ExecuteAsync(ChangeSql.Notify, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (context.LastRevision is { } committed)
                RaiseLocalCommitted(committed);
            return result;
        }
        catch (Exception ex) when (PostgresConditions.IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
    }

    private void RaiseLocalCommitted(long revision)
    {
        var seen = Interlocked.Read(ref _localCommitted);
        while (revision > seen)
        {
            var was = Interlocked.CompareExchange(ref _localCommitted, revision, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }

    /// <summary>The store's failure, classified; its message names the server (never the password), its condition is for clients.</summary>
    internal StoreUnavailableException Unavailable(Exception ex) =>
        new(PostgresConditions.Classify(ex), PostgresDsn.Scrub($"postgres store {Server} is unavailable: {Describe(ex)}", _password), ex);

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
        NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message}: {inner.Message}",
        _ => ex.Message,
    };
}
