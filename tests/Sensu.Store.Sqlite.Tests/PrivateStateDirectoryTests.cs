namespace Sensu.Store.Sqlite.Tests;

/// <summary>
/// The state directory holds the signing key, password hashes and tokens: 0700, and every file in it 0600, whatever
/// the umask (the test process runs with the usual 022, under which a plain create would give 0755 and 0644).
/// Unix only: file modes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateStateDirectoryTests : IDisposable
{
    private const UnixFileMode Dir0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Dir0755 = Dir0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode File0644 = File0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempStateDir _dir = new();
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_new_state_dir_is_0700_and_the_database_wal_and_shm_are_0600()
    {
        await using var store = new SqliteStore(_dir.Options());
        await new SqliteResourceWriter(store).CreateAsync(new ResourceWrite(ResourceKey.Cluster("core/v2/users", "a"), "User", "{}"), _ct);

        Assert.Equal(Dir0700, File.GetUnixFileMode(_dir.Path));
        var files = Directory.GetFiles(_dir.Path);
        Assert.Contains(store.DatabasePath, files);
        Assert.Contains(store.DatabasePath + "-wal", files);
        Assert.Contains(store.DatabasePath + "-shm", files);
        Assert.All(files, f => Assert.Equal(File0600, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task An_existing_open_state_dir_and_its_files_are_narrowed_with_a_warning_naming_each()
    {
        Directory.CreateDirectory(_dir.Path, Dir0755);
        File.SetUnixFileMode(_dir.Path, Dir0755);
        var stray = Path.Combine(_dir.Path, "jwt.key");
        await File.WriteAllTextAsync(stray, "secret", _ct);
        File.SetUnixFileMode(stray, File0644);
        var sub = Path.Combine(_dir.Path, "backups");
        Directory.CreateDirectory(sub);
        File.SetUnixFileMode(sub, Dir0755);
        var logger = new RecordingLogger<SqliteStore>();

        await using var store = new SqliteStore(_dir.Options(), logger);
        await store.InitializeAsync(_ct);

        Assert.Equal(Dir0700, File.GetUnixFileMode(_dir.Path));
        Assert.Equal(Dir0700, File.GetUnixFileMode(sub));
        Assert.Equal(File0600, File.GetUnixFileMode(stray));
        var warnings = logger.Lines.Where(l => l.StartsWith("8002 Warning", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, w => w.Contains(Path.GetFullPath(_dir.Path) + " ", StringComparison.Ordinal) && w.Contains("0755", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(stray, StringComparison.Ordinal) && w.Contains("0644", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(sub, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_world_readable_database_is_narrowed_and_keeps_its_data()
    {
        var key = ResourceKey.Cluster("core/v2/users", "a");
        await using (var first = new SqliteStore(_dir.Options()))
            await new SqliteResourceWriter(first).CreateAsync(new ResourceWrite(key, "User", "{}"), _ct);
        var db = Path.Combine(_dir.Path, SqliteStoreOptions.DefaultFileName);
        File.SetUnixFileMode(db, File0644);
        var logger = new RecordingLogger<SqliteStore>();

        await using var store = new SqliteStore(_dir.Options(), logger);
        Assert.NotNull(await new SqliteResourceReader(store).GetAsync(key, _ct));

        Assert.Equal(File0600, File.GetUnixFileMode(db));
        Assert.Contains(logger.Lines, l => l.StartsWith("8002 Warning", StringComparison.Ordinal) && l.Contains(db + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_state_dir_gives_no_warning()
    {
        await using (var first = new SqliteStore(_dir.Options()))
            await first.InitializeAsync(_ct);
        var logger = new RecordingLogger<SqliteStore>();

        await using var store = new SqliteStore(_dir.Options(), logger);
        await store.InitializeAsync(_ct);

        Assert.DoesNotContain(logger.Lines, l => l.StartsWith("8002", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.StartsWith("8000", StringComparison.Ordinal));
    }
}
