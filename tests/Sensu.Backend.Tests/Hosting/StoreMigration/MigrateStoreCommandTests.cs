using System.Text;
using Sensu.Backend.Hosting.StoreMigration;
using Sensu.Core.Configuration;
using Sensu.Store;

namespace Sensu.Backend.Tests.Hosting.StoreMigration;

/// <summary>The copier and verifier of <c>migrate-store</c> between two SQLite stores.</summary>
public sealed class MigrateStoreCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sensu-migrate-");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    private string Dir(string name) => Path.Combine(_root.FullName, name);

    public void Dispose()
    {
        _timeout.Dispose();
        _root.Delete(recursive: true);
    }

    private async Task<MigrationStore> OpenAsync(string path) =>
        await MigrationStore.OpenAsync(StoreLocation.Parse("sqlite:" + path, "--from"), mustExist: false, Ct);

    private async Task SeedAsync(string path, int checks = 3, int events = 7)
    {
        await using var store = await OpenAsync(path);
        await store.Writer.PutManyAsync(
        [
            new(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), "Namespace", """{"name":"default"}"""),
            new(ResourceKey.Cluster(StoreKinds.Namespaces, "prod"), "Namespace", """{"name":"prod"}"""),
            new(ResourceKey.Cluster("core/v2/users", "alice"), "User", """{"username":"alice","password_hash":"$2a$10$x"}"""),
            new(ResourceKey.Cluster("internal/cluster", "initialized"), "Initialized", """{"initialized":true}"""),
            new(new ResourceKey("secrets/v1/providers", "", "vault"), "VaultProvider", """{"metadata":{"name":"vault"}}"""),
        ], Ct);
        for (var i = 0; i < checks; i++)
            await store.Writer.CreateAsync(new(new ResourceKey("core/v2/checks", i % 2 == 0 ? "default" : "prod", $"check-{i}"), "CheckConfig", $$"""{"metadata":{"name":"check-{{i}}"},"interval":{{10 + i}}}"""), Ct);
        for (var i = 0; i < events; i++)
            await store.Events.PutEventAsync(new EventKey("default", $"entity-{i % 3}", $"check-{i}"), Encoding.UTF8.GetBytes($$$"""{"check":{"status":{{{i % 3}}}}}"""), Ct);
    }

    private async Task<IReadOnlyList<KindDigest>> DigestAsync(string path)
    {
        await using var store = await OpenAsync(path);
        return await StoreDigest.ComputeAsync(store.Reader, store.Events, Ct);
    }

    private async Task<(int Code, string Output, string Error)> MigrateAsync(string from, string to, bool force = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MigrateStoreCommand.RunAsync(from, to, force, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Copies_every_kind_and_event_and_verifies_them()
    {
        await SeedAsync(Dir("a"), checks: 1_203, events: 1_117);
        var (code, output, error) = await MigrateAsync("sqlite:" + Dir("a"), "sqlite:" + Dir("b"));
        Assert.True(code == 0, output + error);
        Assert.Contains("copied 1208 resources and 1117 events", output);
        Assert.Contains("verified", output);

        var source = await DigestAsync(Dir("a"));
        var target = await DigestAsync(Dir("b"));
        Assert.Equal(source, target);
        Assert.Equal(
            ["core/v2/checks", StoreKinds.Namespaces, "core/v2/users", "internal/cluster", "secrets/v1/providers", StoreDigest.EventsKind],
            target.Select(d => d.Kind));
        Assert.Equal(1_203, target[0].Count);
        Assert.Equal(1_117, target[^1].Count);

        await using var copy = await OpenAsync(Path.Combine(Dir("b"), "sensu.db"));
        var check = await copy.Reader.GetAsync(new ResourceKey("core/v2/checks", "prod", "check-1"), Ct);
        Assert.Equal("""{"metadata":{"name":"check-1"},"interval":11}""", check?.Json);
        Assert.Equal("CheckConfig", check?.Type);
        var stored = await copy.Events.GetEventAsync(new EventKey("default", "entity-2", "check-5"), Ct);
        Assert.Equal("""{"check":{"status":2}}""", stored?.Json);
    }

    [Fact]
    public async Task Accepts_the_database_file_as_well_as_the_state_directory()
    {
        await SeedAsync(Dir("a"));
        var (code, output, error) = await MigrateAsync("sqlite:" + Path.Combine(Dir("a"), "sensu.db"), "sqlite:" + Path.Combine(Dir("b"), "copy.db"));
        Assert.True(code == 0, output + error);
        Assert.True(File.Exists(Path.Combine(Dir("b"), "copy.db")));
        Assert.Equal(await DigestAsync(Dir("a")), await DigestAsync(Path.Combine(Dir("b"), "copy.db")));
    }

    [Fact]
    public async Task Refuses_a_target_that_holds_data_unless_forced_and_then_replaces_it()
    {
        await SeedAsync(Dir("a"));
        await SeedAsync(Dir("b"), checks: 9, events: 2);
        await using (var target = await OpenAsync(Dir("b")))
            await target.Writer.CreateAsync(new(ResourceKey.Cluster("core/v2/users", "mallory"), "User", "{}"), Ct);
        var before = await DigestAsync(Dir("b"));

        var (code, _, error) = await MigrateAsync("sqlite:" + Dir("a"), "sqlite:" + Dir("b"));
        Assert.Equal(MigrateStoreCommand.RefusedExitCode, code);
        Assert.StartsWith("error: the target store sqlite:", error);
        Assert.Contains("--force", error);
        Assert.Equal(before, await DigestAsync(Dir("b")));

        (code, var output, error) = await MigrateAsync("sqlite:" + Dir("a"), "sqlite:" + Dir("b"), force: true);
        Assert.True(code == 0, output + error);
        Assert.Equal(await DigestAsync(Dir("a")), await DigestAsync(Dir("b")));
        await using var replaced = await OpenAsync(Dir("b"));
        Assert.Null(await replaced.Reader.GetAsync(ResourceKey.Cluster("core/v2/users", "mallory"), Ct));
    }

    [Fact]
    public async Task Verification_names_a_kind_whose_content_or_count_differs()
    {
        await SeedAsync(Dir("a"));
        await SeedAsync(Dir("b"));
        await using (var b = await OpenAsync(Dir("b")))
        {
            await b.Writer.PutAsync(new(new ResourceKey("core/v2/checks", "default", "check-0"), "CheckConfig", """{"metadata":{"name":"check-0"},"interval":99}"""), Ct);
            await b.Events.DeleteEventAsync(new EventKey("default", "entity-0", "check-0"), Ct);
        }

        var comparison = DigestComparison.Compare(await DigestAsync(Dir("a")), await DigestAsync(Dir("b")));
        Assert.Equal(["core/v2/checks", StoreDigest.EventsKind], comparison.Where(c => !c.Matches).Select(c => c.Kind));
        var checks = comparison.Single(c => c.Kind == "core/v2/checks");
        Assert.Equal(checks.Source!.Count, checks.Target!.Count);
        Assert.NotEqual(checks.Source.Sha256, checks.Target.Sha256);

        var table = new StringWriter();
        await MigrateStoreCommand.WriteTableAsync(table, comparison);
        var lines = table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("core/v2/checks", StringComparison.Ordinal) && l.TrimEnd().EndsWith("MISMATCH", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("core/v2/users", StringComparison.Ordinal) && l.TrimEnd().EndsWith("ok", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_only_one_side_has_is_a_mismatch_unless_it_is_empty()
    {
        var digest = new KindDigest("core/v2/checks", 1, "ab");
        Assert.False(DigestComparison.Compare([digest], []).Single().Matches);
        Assert.False(DigestComparison.Compare([], [digest]).Single().Matches);
        Assert.True(DigestComparison.Compare([], [digest with { Count = 0 }]).Single().Matches);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/var/lib/sensu")]
    [InlineData("sqlite:")]
    [InlineData("etcd:http://127.0.0.1:2379")]
    public void A_malformed_location_is_a_settings_error_naming_the_flag(string? text)
    {
        var ex = Assert.Throws<SettingsException>(() => StoreLocation.Parse(text, "--from"));
        Assert.StartsWith("--from", ex.Message);
    }

    [Fact]
    public async Task A_missing_source_or_the_same_store_twice_is_a_settings_error()
    {
        var missing = await Assert.ThrowsAsync<SettingsException>(() => MigrateAsync("sqlite:" + Dir("none"), "sqlite:" + Dir("b")));
        Assert.Contains("no SQLite store at", missing.Message);
        Assert.False(Directory.Exists(Dir("b")));

        await SeedAsync(Dir("a"));
        var same = await Assert.ThrowsAsync<SettingsException>(() => MigrateAsync("sqlite:" + Dir("a"), "sqlite:" + Path.Combine(Dir("a"), "sensu.db")));
        Assert.Contains("same store", same.Message);
    }

    [Fact]
    public async Task A_bad_postgres_dsn_is_a_settings_error_without_the_password()
    {
        await SeedAsync(Dir("a"));
        var ex = await Assert.ThrowsAsync<SettingsException>(() => MigrateAsync("sqlite:" + Dir("a"), "postgres:Host=127.0.0.1;Password=s3cret;Nonsense Key=1"));
        Assert.DoesNotContain("s3cret", ex.Message);
    }
}
