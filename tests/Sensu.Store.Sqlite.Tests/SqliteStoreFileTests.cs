using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite.Tests;

/// <summary>What only the embedded provider promises: the file, WAL, the schema version, reopening, disk errors.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_database_is_sensu_db_under_a_state_dir_created_on_demand()
    {
        await using var store = new SqliteStore(_dir.Options());
        Assert.False(Directory.Exists(_dir.Path));

        await store.InitializeAsync(_ct);

        Assert.Equal(Path.Combine(_dir.Path, "sensu.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
    }

    [Fact]
    public async Task Event_revisions_it_did_not_write_itself_are_read_from_the_file()
    {
        var key = new EventKey("default", "web-1", "cpu");
        StoredEvent written;
        await using (var writer = new SqliteStore(_dir.Options()))
        {
            await new SqliteResourceWriter(writer).CreateAsync(
                new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", """{"name":"default"}"""), _ct);
            written = await new SqliteEventStore(writer).PutEventAsync(key, "{\"check\":{}}", _ct);
        }

        // A second store over the same file (another backend process) has cached nothing of it.
        await using var reader = new SqliteStore(_dir.Options());
        var events = new SqliteEventStore(reader);
        Assert.Equal(written.Revision, await events.GetEventRevisionAsync(key, _ct));
        Assert.Null(await events.GetEventRevisionAsync(new EventKey("default", "web-1", "disk"), _ct));
        Assert.Equal(written, await events.GetEventAsync(key, _ct));
        // Written as UTF-8 bytes, stored as text (what the sqlite3 shell or another reader expects).
        Assert.Equal("text", await ScalarAsync(reader.DatabasePath, "SELECT typeof(json) FROM events;"));
    }

    [Fact]
    public async Task The_first_operation_initializes_too()
    {
        await using var store = new SqliteStore(_dir.Options());
        await new SqliteStoreHealth(store).PingAsync(_ct);
        Assert.True(File.Exists(store.DatabasePath));
    }

    [Fact]
    public async Task Wal_is_on_and_the_schema_is_at_the_latest_version()
    {
        await using (var store = new SqliteStore(_dir.Options()))
        {
            await store.InitializeAsync(_ct);
        }

        var path = Path.Combine(_dir.Path, "sensu.db");
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
        Assert.Equal((long)SchemaSql.Migrations.Count, await ScalarAsync(path, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task A_new_database_uses_16_KiB_pages_and_tables_keyed_by_rowid()
    {
        await using (var store = new SqliteStore(_dir.Options()))
        {
            await store.InitializeAsync(_ct);
        }

        var path = Path.Combine(_dir.Path, "sensu.db");
        Assert.Equal(16384L, await ScalarAsync(path, "PRAGMA page_size;"));
        foreach (var table in new[] { "events", "resources" })
        {
            var sql = (string?)await ScalarAsync(path, $"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{table}';");
            Assert.NotNull(sql);
            Assert.DoesNotContain("WITHOUT ROWID", sql, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_version_1_database_is_migrated_with_its_resources_events_and_revisions()
    {
        Directory.CreateDirectory(_dir.Path);
        var path = Path.Combine(_dir.Path, "sensu.db");
        await ScalarAsync(path, "PRAGMA journal_mode = WAL;");
        await ScalarAsync(path, SchemaSql.Migrations[0]);
        await ScalarAsync(path, """
            INSERT INTO resources (kind, namespace, name, type, json, revision) VALUES ('core/v2/namespaces', '', 'default', 'Namespace', '{}', 1);
            INSERT INTO resources (kind, namespace, name, type, json, revision) VALUES ('core/v2/checks', 'default', 'c', 'CheckConfig', '{"a":1}', 2);
            INSERT INTO events (namespace, entity, check_name, json, revision) VALUES ('default', 'e', 'c', '{"b":1}', 3);
            UPDATE revision SET value = 3;
            """);
        Assert.Equal(4096L, await ScalarAsync(path, "PRAGMA page_size;"));

        await using var store = new SqliteStore(_dir.Options());
        var check = await new SqliteResourceReader(store).GetAsync(new ResourceKey("core/v2/checks", "default", "c"), _ct);
        Assert.Equal(new StoredResource(new ResourceKey("core/v2/checks", "default", "c"), "CheckConfig", """{"a":1}""", 2), check);
        var events = new SqliteEventStore(store);
        Assert.Equal(new StoredEvent(new EventKey("default", "e", "c"), """{"b":1}""", 3), await events.GetEventAsync(new EventKey("default", "e", "c"), _ct));
        var next = await events.PutEventAsync(new EventKey("default", "e", "c"), """{"b":2}""", _ct);
        Assert.Equal(4, next.Revision);
        Assert.Equal((long)SchemaSql.Migrations.Count, await ScalarAsync(path, "PRAGMA user_version;"));
        // The page size of an existing file stays as it was.
        Assert.Equal(4096L, await ScalarAsync(path, "PRAGMA page_size;"));
    }

    [Fact]
    public async Task Reopening_keeps_data_and_revisions_keep_growing()
    {
        StoredResource first;
        StoredEvent firstEvent;
        await using (var store = new SqliteStore(_dir.Options()))
        {
            var writer = new SqliteResourceWriter(store);
            await writer.CreateAsync(new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), _ct);
            first = await writer.CreateAsync(new ResourceWrite(new ResourceKey("core/v2/checks", "default", "c"), "CheckConfig", """{"a":1}"""), _ct);
            firstEvent = await new SqliteEventStore(store).PutEventAsync(new EventKey("default", "e", "c"), "{}", _ct);
        }

        await using (var store = new SqliteStore(_dir.Options()))
        {
            Assert.Equal(first, await new SqliteResourceReader(store).GetAsync(first.Key, _ct));
            Assert.Equal(firstEvent, await new SqliteEventStore(store).GetEventAsync(firstEvent.Key, _ct));
            var (next, outcome) = await new SqliteResourceWriter(store).PutAsync(
                new ResourceWrite(first.Key, "CheckConfig", """{"a":2}"""), _ct);
            Assert.Equal(PutOutcome.Replaced, outcome);
            Assert.True(next.Revision > firstEvent.Revision);
        }
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_opened_fails_with_a_message_naming_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sensu.db"));
        await using var store = new SqliteStore(_dir.Options());

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(_ct));
        Assert.Contains(store.DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);

        var again = await Assert.ThrowsAsync<StoreUnavailableException>(() => new SqliteStoreHealth(store).PingAsync(_ct));
        Assert.Contains(store.DatabasePath, again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_dir_that_is_a_file_fails_with_a_message_naming_the_file()
    {
        Directory.CreateDirectory(_dir.Path);
        var blocker = Path.Combine(_dir.Path, "not-a-dir");
        await File.WriteAllTextAsync(blocker, "x", _ct);
        await using var store = new SqliteStore(new SqliteStoreOptions { StateDirectory = blocker });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(_ct));
        Assert.Contains(store.DatabasePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_with_a_message_naming_the_file()
    {
        Directory.CreateDirectory(_dir.Path);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "sensu.db"), new string('x', 4096), _ct);
        await using var store = new SqliteStore(_dir.Options());

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(_ct));
        Assert.Contains(store.DatabasePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_newer_than_this_program_is_refused()
    {
        Directory.CreateDirectory(_dir.Path);
        var path = Path.Combine(_dir.Path, "sensu.db");
        await ScalarAsync(path, "PRAGMA user_version = 999;");
        await using var store = new SqliteStore(_dir.Options());

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(_ct));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_wait_for_each_other_instead_of_failing()
    {
        await using var a = new SqliteStore(_dir.Options());
        await using var b = new SqliteStore(_dir.Options());
        await new SqliteResourceWriter(a).CreateAsync(
            new ResourceWrite(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", "{}"), _ct);

        var writes = new[] { a, b }.SelectMany(store => Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var writer = new SqliteResourceWriter(store);
            var revisions = new List<long>();
            for (var i = 0; i < 20; i++)
            {
                var key = new ResourceKey("core/v2/checks", "default", $"{store.GetHashCode()}-{w}-{i}");
                revisions.Add((await writer.CreateAsync(new ResourceWrite(key, "CheckConfig", "{}"), _ct)).Revision);
            }

            return revisions;
        })));

        var all = (await Task.WhenAll(writes)).SelectMany(r => r).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(160, (await new SqliteResourceReader(b).ListAsync("core/v2/checks", null, PageRequest.All, _ct)).Items.Count);
    }
}
