using System.Diagnostics;
using System.Text;

namespace Sensu.Execution.Tests;

/// <summary>The runner's behaviour, run once per way of starting commands (see the two subclasses).</summary>
public abstract class ProcessRunnerTests : IDisposable
{
    private readonly ProcessRunner _runner;
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-exec-").FullName;

    protected ProcessRunnerTests(bool usePosixSpawn)
    {
        _runner = new(new ProcessRunnerOptions { MaxConcurrency = 8, UsePosixSpawn = usePosixSpawn }, TimeProvider.System);
    }

    protected ProcessRunner Runner => _runner;

    public void Dispose()
    {
        _runner.Dispose();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("true", 0)]
    [InlineData("exit 1", 1)]
    [InlineData("exit 3", 3)]
    [InlineData("false", 1)]
    [InlineData("no-such-command-anywhere", 127)]
    public async Task Exit_codes_are_reported(string command, int expected)
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = command }, CancellationToken.None);
        Assert.Equal(expected, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task A_command_killed_by_a_signal_reports_128_plus_the_signal()
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = "kill -9 $$" }, CancellationToken.None);
        Assert.Equal(137, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task The_command_leads_a_process_group_of_its_own()
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = "ps -o pid=,pgid= -p $$" }, CancellationToken.None);
        var fields = result.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, fields.Length);
        Assert.Equal(fields[0], fields[1]);
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[1]);
    }

    [Fact]
    public async Task The_working_directory_is_applied()
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = "pwd -P", WorkingDirectory = _dir }, CancellationToken.None);
        Assert.Equal(new DirectoryInfo(_dir).ResolveLinkTarget(true)?.FullName ?? _dir, result.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_combined_in_order()
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = "echo one; echo two >&2; echo three" }, CancellationToken.None);
        Assert.Equal("one\ntwo\nthree\n", result.Output);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Large_stdout_and_stderr_are_captured_without_deadlock()
    {
        const int size = 3_000_000;
        var command = $"head -c {size} /dev/zero | tr '\\0' a; head -c {size} /dev/zero | tr '\\0' b >&2; echo done";
        var result = await _runner.RunAsync(new ProcessRequest { Command = command, Timeout = TimeSpan.FromSeconds(60) }, CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2 * size + 5, result.Output.Length);
        Assert.Equal(size, result.Output.Count(c => c == 'a'));
        Assert.Equal(size, result.Output.Count(c => c == 'b'));
        Assert.EndsWith("bdone\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_is_delivered_and_closed()
    {
        var payload = new byte[2_000_000];
        for (var i = 0; i < payload.Length; i++)
            payload[i] = (byte)('a' + (i % 26));
        var result = await _runner.RunAsync(new ProcessRequest { Command = "cat", Stdin = payload }, CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Encoding.ASCII.GetString(payload), result.Output);
    }

    [Fact]
    public async Task A_command_that_ignores_a_large_stdin_does_not_hang()
    {
        var result = await _runner.RunAsync(
            new ProcessRequest { Command = "echo ignored", Stdin = new byte[8_000_000], Timeout = TimeSpan.FromSeconds(30) },
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ignored\n", result.Output);
    }

    [Fact]
    public async Task Environment_is_composed_from_base_env_vars_and_extra()
    {
        var result = await _runner.RunAsync(
            new ProcessRequest
            {
                Command = "echo \"$FOO|$BAR|$PATH|$ASSET_PATH\"; env | grep -c '^HOME=' || true",
                BaseEnvironment = ["PATH=/usr/bin:/bin", "FOO=base", "BAR=keep"],
                EnvVars = ["FOO=check", "PATH=/opt/check/bin"],
                ExtraEnvironment = ["PATH=/opt/asset/bin", "ASSET_PATH=/opt/asset"],
            },
            CancellationToken.None);
        Assert.Equal("check|keep|/opt/asset/bin:/opt/check/bin:/usr/bin:/bin|/opt/asset\n0\n", result.Output);
    }

    [Fact]
    public async Task No_base_environment_means_the_default_allow_list_never_the_whole_environment()
    {
        var name = "SENSU_RUNNER_UNLISTED_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "must-not-pass");
        try
        {
            var result = await _runner.RunAsync(new ProcessRequest { Command = $"echo \"[${name}]\"; env | grep -c '^PATH=' || true" }, CancellationToken.None);
            Assert.Equal("[]\n1\n", result.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_group_including_grandchildren()
    {
        var pidFile = Path.Combine(_dir, "sleep.pid");
        var command = $"sh -c 'sleep 300 & echo $! > {pidFile}; wait'; echo not-reached";
        var watch = Stopwatch.StartNew();
        var result = await _runner.RunAsync(new ProcessRequest { Command = command, Timeout = TimeSpan.FromMilliseconds(700) }, CancellationToken.None);
        watch.Stop();

        Assert.True(result.TimedOut);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Execution timed out\n", result.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");

        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await IsDeadAsync(pid), $"grandchild sleep {pid} survived the timeout");
    }

    [Fact]
    public async Task Cancellation_kills_the_command_and_throws()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runner.RunAsync(new ProcessRequest { Command = "sleep 300" }, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Concurrency_is_bounded()
    {
        using var runner = new ProcessRunner(new ProcessRunnerOptions { MaxConcurrency = 2 }, TimeProvider.System);
        var log = Path.Combine(_dir, "concurrency.log");
        // Each command records how many commands were inside the critical section when it entered.
        var command = $"echo start >> {log}; sleep 0.4; echo end >> {log}";
        var runs = Enumerable.Range(0, 6).Select(_ => runner.RunAsync(new ProcessRequest { Command = command }, CancellationToken.None)).ToList();
        var maxRunning = 0;
        while (!runs.TrueForAll(r => r.IsCompleted))
        {
            maxRunning = Math.Max(maxRunning, runner.Running);
            await Task.Delay(10);
        }
        await Task.WhenAll(runs);

        Assert.InRange(maxRunning, 1, 2);
        var inside = 0;
        var maxInside = 0;
        foreach (var line in await File.ReadAllLinesAsync(log))
        {
            inside += line == "start" ? 1 : -1;
            maxInside = Math.Max(maxInside, inside);
        }
        Assert.Equal(2, maxInside);
        Assert.Equal(0, runner.Running);
    }

    private static async Task<bool> IsDeadAsync(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
                return true;
            try
            {
                var text = await File.ReadAllTextAsync(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
                if (state is "Z" or "X")
                    return true;
            }
            catch (IOException)
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}

/// <summary>Commands started with <c>posix_spawn</c> (the default on Linux).</summary>
public sealed class SpawnedProcessRunnerTests() : ProcessRunnerTests(usePosixSpawn: true)
{
    // Only here: a shell started with SIGPIPE ignored (as Process leaves it) cannot reset it with trap.
    [Fact]
    public async Task The_command_gets_default_signal_handling_so_a_closed_pipe_ends_the_writer_quietly()
    {
        // This runtime ignores SIGPIPE; a child that inherited that would print "Broken pipe" errors here.
        var result = await Runner.RunAsync(new ProcessRequest { Command = "yes | head -n 2", Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("y\ny\n", result.Output);
    }

    [Fact]
    public async Task A_missing_shell_is_a_clear_error()
    {
        using var runner = new ProcessRunner(new ProcessRunnerOptions { Shell = "/no/such/shell", UsePosixSpawn = true }, TimeProvider.System);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(new ProcessRequest { Command = "true" }, CancellationToken.None));
        Assert.StartsWith("cannot start /no/such/shell: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("No such file", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, runner.Running);
    }
}

/// <summary>Commands started with <see cref="Process"/> through <c>setsid</c> (the fallback elsewhere).</summary>
public sealed class DotnetProcessRunnerTests() : ProcessRunnerTests(usePosixSpawn: false);
