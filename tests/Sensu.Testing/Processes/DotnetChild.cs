using System.Diagnostics;

namespace Sensu.Testing.Processes;

/// <summary>
/// What every program the integration tests start has in common: run <c>dotnet &lt;dll&gt;</c> with the host the
/// CLI reports, capture its output into a <see cref="ProcessLog"/>, poll an HTTP endpoint until it answers 200,
/// and kill it and delete its temp folder at the end.
/// </summary>
public static class DotnetChild
{
    /// <summary>The dotnet CLI tells its children which host it is (DOTNET_HOST_PATH); fall back to PATH.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath : "dotnet";

    /// <summary>A start info for <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> with output redirected.</summary>
    public static ProcessStartInfo StartInfo(string dll, string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>Starts the process with its stdout and stderr going to <paramref name="log"/>.</summary>
    public static Process Start(ProcessStartInfo start, ProcessLog log)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(log);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => log.Add("err", e.Data);
        if (!process.Start())
            throw new InvalidOperationException("could not start " + start.FileName + " " + string.Join(' ', start.ArgumentList));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails early when the process exits, with its log.</summary>
    public static async Task WaitForOkAsync(Process process, ProcessLog log, string name, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before {url.AbsolutePath} answered.\n{log.Tail(8000)}");
            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode == 200)
                    return;
                last = $"{url.AbsolutePath} answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"{name}: {url.AbsolutePath} not 200 after {timeout} ({last}).\n{log.Tail(8000)}");
    }

    /// <summary>Kills the process tree, waits for it, and deletes <paramref name="directory"/> (best effort).</summary>
    public static async ValueTask KillAndDeleteAsync(Process process, string directory)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process never started or is already gone.
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is left for the OS to clean.
            }
        }
    }
}
