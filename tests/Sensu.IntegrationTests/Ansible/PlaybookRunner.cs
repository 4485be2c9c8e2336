using System.Diagnostics;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Ansible;

/// <summary>Runs one playbook from <see cref="AnsibleEnvironment.PlaybookDirectory"/> against a backend.</summary>
public static class PlaybookRunner
{
    public static async Task<PlaybookResult> RunAsync(
        string command, string playbook, BackendProcess backend, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = AnsibleEnvironment.PlaybookDirectory;
        var scratch = Directory.CreateTempSubdirectory("sensu-ansible-").FullName;
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(directory, playbook),
            "-i", Path.Combine(directory, "inventory.ini"),
            "-e", "sensu_url=" + backend.ApiUrlText,
            "-e", "sensu_user=" + BackendProcess.AdminUsername,
            "-e", "sensu_password=" + BackendProcess.AdminPassword,
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ANSIBLE_CONFIG"] = Path.Combine(directory, "ansible.cfg");
        start.Environment["ANSIBLE_NOCOLOR"] = "1";
        start.Environment["ANSIBLE_FORCE_COLOR"] = "0";
        start.Environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(scratch, "local");
        start.Environment["ANSIBLE_REMOTE_TEMP"] = Path.Combine(scratch, "remote");
        start.Environment["ANSIBLE_HOME"] = Path.Combine(scratch, "home");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        var log = new ProcessLog();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => log.Add("err", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(scratch);
        }
        // WaitForExitAsync returns after the redirected streams reached EOF, so the log is complete here.
        return new PlaybookResult(timedOut ? -1 : process.ExitCode, log.Text(), timedOut);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
