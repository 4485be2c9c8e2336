using Sensu.Core.Configuration;
using Sensu.Store;
using Sensu.Store.Postgres;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>A store opened by <c>migrate-store</c> through its provider's constructors: its roles and a name for messages.</summary>
public sealed class MigrationStore : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private MigrationStore(IAsyncDisposable owner, string description, IResourceReader reader, IResourceWriter writer, IEventStore events)
    {
        _owner = owner;
        Description = description;
        Reader = reader;
        Writer = writer;
        Events = events;
    }

    /// <summary><c>sqlite:/path/sensu.db</c> or <c>postgres:host:port/database</c> (never a password).</summary>
    public string Description { get; }

    public IResourceReader Reader { get; }

    public IResourceWriter Writer { get; }

    public IEventStore Events { get; }

    /// <summary>
    /// Opens <paramref name="location"/> and applies its schema. A SQLite source (<paramref name="mustExist"/>) must
    /// already exist; an unreachable or refusing store fails with <see cref="StoreException"/>.
    /// </summary>
    public static async Task<MigrationStore> OpenAsync(StoreLocation location, bool mustExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Provider == StoreProvider.Sqlite)
        {
            var options = location.SqliteOptions();
            if (mustExist && !File.Exists(options.DatabasePath))
                throw new SettingsException($"no SQLite store at {options.DatabasePath}");
            var sqlite = new SqliteStore(options);
            var opened = new MigrationStore(sqlite, "sqlite:" + options.DatabasePath,
                new SqliteResourceReader(sqlite), new SqliteResourceWriter(sqlite), new SqliteEventStore(sqlite));
            return await InitializeAsync(opened, () => sqlite.InitializeAsync(cancellationToken));
        }

        PostgresStore postgres;
        try
        {
            postgres = new PostgresStore(new PostgresStoreOptions { Dsn = location.Value });
        }
        catch (ArgumentException ex)
        {
            throw new SettingsException(ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        var store = new MigrationStore(postgres, "postgres:" + postgres.Server,
            new PostgresResourceReader(postgres), new PostgresResourceWriter(postgres), new PostgresEventStore(postgres));
        return await InitializeAsync(store, () => postgres.InitializeAsync(cancellationToken));
    }

    private static async Task<MigrationStore> InitializeAsync(MigrationStore store, Func<Task> initialize)
    {
        try
        {
            await initialize();
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the store holds no resource and no event.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        (await Reader.ListKindsAsync(cancellationToken)).Count == 0
        && (await Events.ListEventsAsync(null, null, new PageRequest(1, null), cancellationToken)).Items.Count == 0;

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
