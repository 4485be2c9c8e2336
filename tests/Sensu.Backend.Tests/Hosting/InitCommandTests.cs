using Microsoft.Data.Sqlite;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Hosting;

/// <summary><c>init</c> seeds once; a second run says so, exits 3 and changes nothing.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-init-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Second_init_changes_nothing()
    {
        var first = await InitCommand.RunAsync(Options("first-pass1"), CancellationToken.None);
        Assert.Equal(0, first);
        var before = Snapshot();

        var second = await InitCommand.RunAsync(Options("second-pass2"), CancellationToken.None);
        Assert.Equal(InitCommand.AlreadyInitializedExitCode, second);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Init_without_admin_credentials_is_refused()
    {
        var options = Options("x");
        options.ClusterAdminPassword = null;
        Assert.Equal(2, await InitCommand.RunAsync(options, CancellationToken.None));
    }

    private BackendOptions Options(string password) => new()
    {
        StateDir = _dir,
        ApiListenAddress = "127.0.0.1:0",
        LogLevel = "error",
        ClusterAdminUsername = "admin",
        ClusterAdminPassword = password,
    };

    /// <summary>Every resource row, to prove the second init wrote nothing.</summary>
    private List<string> Snapshot()
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "sensu.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%resource%'";
        var table = (string)command.ExecuteScalar()!;
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2, 3";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        Assert.NotEmpty(rows);
        return rows;
    }
}
