using Sensu.Backend.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Sensu.Cli.Tests.Support;

/// <summary>
/// Runs the real sensuctl in-process (<see cref="Sensuctl.RunAsync"/>) with a temp config directory, a private
/// environment and captured streams.
/// </summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        ConfigDir = Path.Combine(Path.GetTempPath(), "sensuctl-test-" + Guid.NewGuid().ToString("N"));
        Environment["SENSU_CONFIG_DIR"] = ConfigDir;
    }

    public string ConfigDir { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public IPrompter? Prompter { get; set; }

    public bool InputIsTerminal { get; set; }

    public async Task<CliRun> RunAsync(string commandLine, string? stdin = null) => await RunAsync(Split(commandLine), stdin);

    public async Task<CliRun> RunAsync(string[] args, string? stdin = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo
        {
            In = new StringReader(stdin ?? ""),
            Out = output,
            Error = error,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            Time = Time,
            Prompter = Prompter,
            InputIsTerminal = InputIsTerminal,
        };
        var code = await Sensuctl.RunAsync(args, io, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Logs in as the backend's admin with <c>configure -n</c>.</summary>
    public async Task ConfigureAsync(TestBackend backend, string? @namespace = null)
    {
        var run = await RunAsync(["configure", "-n", "--url", backend.BaseAddress.ToString().TrimEnd('/'), "--username", TestBackend.AdminUser,
            "--password", TestBackend.AdminPassword, "--namespace", @namespace ?? "default"]);
        run.AssertSuccess();
    }

    /// <summary>Splits on spaces, honouring single quotes (enough for test command lines).</summary>
    public static string[] Split(string commandLine)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in commandLine)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                    args.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (any)
            args.Add(current.ToString());
        return [.. args];
    }

    public static FakeTimeProvider FakeTimeAt(DateTimeOffset now) => new(now);

    public void Dispose()
    {
        try
        {
            Directory.Delete(ConfigDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never written.
        }
    }
}
