using System.Diagnostics;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 3: the state holds the JWT signing key, bcrypt hashes and Vault tokens. With the real backend
/// process under a permissive umask, the state directory is 0700 and every file in it 0600; an existing open state or
/// cache directory or file is narrowed at start with a warning naming it; another uid cannot read the database.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateStateTests
{
    private const UnixFileMode Dir0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Dir0755 = (UnixFileMode)0b111_101_101;
    private const UnixFileMode File0644 = (UnixFileMode)0b110_100_100;

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(180)).Token;

    [Theory]
    [InlineData("000")]
    [InlineData("022")]
    public async Task Under_any_umask_the_state_dir_is_0700_and_every_file_in_it_0600(string umask)
    {
        await using var backend = await BackendProcess.StartAsync([], new Dictionary<string, string>(), new BackendProcessSetup { Umask = umask }, _ct);
        await LoginAsync(backend);

        Assert.Equal(Dir0700, File.GetUnixFileMode(backend.StateDirectory));
        var files = Directory.GetFiles(backend.StateDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "sensu.db");
        Assert.Contains(files, f => Path.GetFileName(f) == "sensu.db-wal");
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == File0600, $"{f} is {File.GetUnixFileMode(f)}"));
        Assert.All(Directory.GetDirectories(backend.StateDirectory, "*", SearchOption.AllDirectories), d => Assert.Equal(Dir0700, File.GetUnixFileMode(d)));
        Assert.DoesNotContain("was open to group or others", backend.Log.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_state_and_cache_are_narrowed_at_start_with_a_warning_naming_each_path()
    {
        string? stray = null, cached = null;
        await using var backend = await BackendProcess.StartAsync([], new Dictionary<string, string>(), new BackendProcessSetup
        {
            Umask = "022",
            Prepare = (state, cache) =>
            {
                Directory.CreateDirectory(state);
                File.SetUnixFileMode(state, Dir0755);
                stray = Path.Combine(state, "notes.txt");
                File.WriteAllText(stray, "left here by an operator");
                File.SetUnixFileMode(stray, File0644);
                Directory.CreateDirectory(Path.Combine(cache, "abc", "bin"));
                File.SetUnixFileMode(cache, Dir0755);
                cached = Path.Combine(cache, "abc", "bin", "tool");
                File.WriteAllText(cached, "#!/bin/sh\n");
                File.SetUnixFileMode(cached, Dir0755);
            },
        }, _ct);

        Assert.Equal(Dir0700, File.GetUnixFileMode(backend.StateDirectory));
        Assert.Equal(File0600, File.GetUnixFileMode(stray!));
        Assert.Equal(Dir0700, File.GetUnixFileMode(backend.CacheDirectory));
        Assert.Equal(Dir0700, File.GetUnixFileMode(cached!)); // an executable keeps its owner execute bit
        // One JSON line per warning (Sensu's log format): the state's (store) and the cache's (backend) narrowing.
        var warnings = backend.Log.Text().Split('\n').Where(l => l.Contains("\"level\":\"warning\"", StringComparison.Ordinal)).ToList();
        const string State = "\"msg\":\"state ";
        const string Cache = "\"msg\":\"cache path ";
        Assert.Contains(warnings, l => l.Contains(State, StringComparison.Ordinal) && l.Contains(backend.StateDirectory + " ", StringComparison.Ordinal) && l.Contains("0755", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains(State, StringComparison.Ordinal) && l.Contains(stray!, StringComparison.Ordinal) && l.Contains("0644", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains(Cache, StringComparison.Ordinal) && l.Contains(backend.CacheDirectory + " ", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains(Cache, StringComparison.Ordinal) && l.Contains(cached!, StringComparison.Ordinal));
    }

    /// <summary>
    /// "A forged token signed with a key from a world-readable file is impossible because the file is not readable by
    /// another uid": <c>nobody</c> tries to read sensu.db (which holds the signing key) and is refused, while it can read
    /// a world-readable control file next to the state directory (so the refusal is the state's doing).
    /// </summary>
    [PrivateStateRootFact]
    public async Task Another_user_cannot_read_the_database()
    {
        string? control = null;
        await using var backend = await BackendProcess.StartAsync([], new Dictionary<string, string>(), new BackendProcessSetup
        {
            Umask = "000",
            Prepare = (state, _) =>
            {
                var root = Path.GetDirectoryName(state)!;
                File.SetUnixFileMode(root, Dir0755); // the temp root itself is 0700: open it so only the state's own modes decide
                control = Path.Combine(root, "control.txt");
                File.WriteAllText(control, "readable");
                File.SetUnixFileMode(control, File0644);
            },
        }, _ct);

        var (controlExit, controlOut, _) = await RunAsNobodyAsync("cat", control!);
        Assert.True(controlExit == 0 && controlOut == "readable", $"the control read as nobody failed ({controlExit}); the test cannot judge");

        foreach (var file in new[] { "sensu.db", "sensu.db-wal" })
        {
            var (exit, output, error) = await RunAsNobodyAsync("cat", Path.Combine(backend.StateDirectory, file));
            Assert.NotEqual(0, exit);
            Assert.Empty(output);
            Assert.Contains("Permission denied", error, StringComparison.Ordinal);
        }
        var (listExit, _, listError) = await RunAsNobodyAsync("ls", backend.StateDirectory);
        Assert.NotEqual(0, listExit);
        Assert.Contains("Permission denied", listError, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsNobodyAsync(string command, string path)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--reuid=nobody", "--regid=nogroup", "--clear-groups", command, path })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(_ct);
        var error = process.StandardError.ReadToEndAsync(_ct);
        await process.WaitForExitAsync(_ct);
        return (process.ExitCode, await output, await error);
    }

    private async Task LoginAsync(BackendProcess backend)
    {
        using var http = new HttpClient { BaseAddress = backend.ApiUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var response = await http.SendAsync(request, _ct);
        response.EnsureSuccessStatusCode();
    }
}
