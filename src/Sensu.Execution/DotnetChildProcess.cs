using System.ComponentModel;
using System.Diagnostics;

namespace Sensu.Execution;

/// <summary>
/// A command started with <see cref="Process"/>, where <c>posix_spawn</c> is not used: through <c>setsid</c> when
/// present so that it leads its own process group, stderr merged into stdout by the shell itself.
/// </summary>
internal sealed class DotnetChildProcess : IChildProcess
{
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    private readonly Process _process;

    private DotnetChildProcess(Process process) => _process = process;

    public Stream Stdin => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream? Error => _process.StandardError.BaseStream;

    /// <summary>Starts <c>shell -c command</c>.</summary>
    /// <exception cref="InvalidOperationException">The command could not be started; the message names the reason.</exception>
    public static DotnetChildProcess Start(string shell, string command, IReadOnlyList<string> environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        if (Setsid is not null)
        {
            info.FileName = Setsid;
            info.ArgumentList.Add(shell);
        }
        else
        {
            info.FileName = shell;
        }
        // stderr joins stdout on the same pipe, so the combined output keeps the command's own order.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec 2>&1\n" + command);
        info.Environment.Clear();
        foreach (var (key, value) in EnvironmentComposer.ToDictionary(environment))
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"cannot start {shell}: {ex.Message}", ex);
        }
        return new DotnetChildProcess(process);
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None);
        try
        {
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return ProcessResult.UnknownExitCode;
        }
    }

    public void KillGroup()
    {
        try
        {
            if (Setsid is not null)
                ProcessGroup.Kill(_process.Id);
            // Also covers a kill that raced setsid() and processes started outside the group.
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    public void Dispose() => _process.Dispose();
}
