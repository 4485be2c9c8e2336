using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Hosting;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Configuration;
using Sensu.Store.Sqlite;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 8: commits are fsynced (SQLite synchronous=FULL, 2) unless the operator opts out with
/// <c>--store-sync normal</c> (NORMAL, 1: survives a process crash, not a machine crash); a bad value stops the start
/// with one clear line.
/// </summary>
public sealed class DurabilityTests
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task The_store_writes_with_synchronous_full_by_default()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        Assert.Equal(2L, await backend.Services.GetRequiredService<SqliteStore>().ReadWriterPragmaAsync("PRAGMA synchronous;", _ct));
    }

    [Fact]
    public async Task Store_sync_normal_opts_out()
    {
        await using var backend = await TestBackend.StartAsync(o => o.StoreSync = "normal", _ct);
        Assert.Equal(1L, await backend.Services.GetRequiredService<SqliteStore>().ReadWriterPragmaAsync("PRAGMA synchronous;", _ct));
    }

    [Fact]
    public void Store_sync_is_read_from_the_flag_the_environment_and_backend_yml()
    {
        var yml = Path.Combine(Path.GetTempPath(), $"backend-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(yml, "log-level: warn\n");
            Assert.Equal("full", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = yml }, _ => null).StoreSync);
            Assert.Equal("normal", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = yml, ["store-sync"] = "NORMAL" }, _ => null).StoreSync);
            Assert.Equal("normal", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = yml }, v => v == "SENSU_BACKEND_STORE_SYNC" ? "normal" : null).StoreSync);
            File.WriteAllText(yml, "store-sync: normal\n");
            Assert.Equal("normal", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = yml }, _ => null).StoreSync);
        }
        finally
        {
            File.Delete(yml);
        }
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("env")]
    public async Task A_bad_store_sync_value_fails_the_start_with_one_clear_line(string via)
    {
        var root = Directory.CreateTempSubdirectory("sensu-sync-").FullName;
        var arguments = new List<string> { "start", "--state-dir", Path.Combine(root, "state"), "--api-listen-address", "127.0.0.1:0", "--agent-port", "0", "--dashboard-host", "127.0.0.1", "--dashboard-port", "0" };
        if (via == "flag")
            arguments.AddRange(["--store-sync", "sometimes"]);
        var start = DotnetChild.StartInfo(BackendLocator.Find(), root, arguments);
        if (via == "env")
            start.Environment["SENSU_BACKEND_STORE_SYNC"] = "sometimes";
        var log = new ProcessLog();
        using var process = DotnetChild.Start(start, log);
        try
        {
            await process.WaitForExitAsync(_ct);
            Assert.Equal(2, process.ExitCode);
            var lines = log.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = Assert.Single(lines);
            Assert.Equal("err| error: invalid value \"sometimes\" for store-sync: expected full or normal", line);
            Assert.False(Directory.Exists(Path.Combine(root, "state")));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Options_built_in_code_are_validated_too()
    {
        var options = new BackendOptions { StoreSync = "sometimes" };
        var ex = Assert.Throws<SettingsException>(() => BackendSettings.Validate(options));
        Assert.Contains("store-sync must be one of full, normal", ex.Message, StringComparison.Ordinal);
    }
}
