using System.Globalization;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Hosting;

/// <summary>
/// Issue 18, point 4: an expected start-up failure of the real <c>sensu-backend</c> process (a port in use, a flag this
/// version refuses) is one line on stderr, <c>error: ...</c>, and a non-zero exit code, with no stack trace.
/// </summary>
public sealed class StartupErrorTests
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_1()
    {
        await using var first = await BackendProcess.StartAsync(_ct);
        var apiPort = first.ApiUrl.Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, lines) = await RunAsync(["--api-listen-address", "127.0.0.1:" + apiPort, "--agent-port", "0"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(lines, l => l.StartsWith("err|", StringComparison.Ordinal));
        Assert.True(lines.Length == 1, string.Join("\n", lines));
        Assert.StartsWith("err| error: ", line, StringComparison.Ordinal);
        Assert.Contains(apiPort, line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--dashboard-port", "70000", "dashboard-port must be between 0 and 65535")]
    [InlineData("--eventd-workers", "0", "eventd-workers must be between 1 and 10000")]
    public async Task A_refused_setting_is_one_line_and_exit_code_2(string flag, string value, string message)
    {
        var (exitCode, lines) = await RunAsync(["--api-listen-address", "127.0.0.1:0", "--agent-port", "0", flag, value]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("err| error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_is_one_line_and_exit_code_2()
    {
        var (exitCode, lines) = await RunAsync(["--api-listen-address", "127.0.0.1:0", "--agent-port", "0", "--no-such-flag"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("err| error: ", line, StringComparison.Ordinal);
        Assert.Contains("--no-such-flag", line, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string[] Lines)> RunAsync(IEnumerable<string> flags)
    {
        var root = Directory.CreateTempSubdirectory("sensu-startup-").FullName;
        var arguments = new List<string> { "start", "--state-dir", Path.Combine(root, "state"), "--cache-dir", Path.Combine(root, "cache"), "--dashboard-host", "127.0.0.1", "--dashboard-port", "0" };
        arguments.AddRange(flags);
        var start = DotnetChild.StartInfo(BackendLocator.Find(), root, arguments);
        start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_USERNAME"] = BackendProcess.AdminUsername;
        start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD"] = BackendProcess.AdminPassword;
        var log = new ProcessLog();
        using var process = DotnetChild.Start(start, log);
        try
        {
            await process.WaitForExitAsync(_ct);
            return (process.ExitCode, log.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            Directory.Delete(root, recursive: true);
        }
    }
}
