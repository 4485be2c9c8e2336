using System.Diagnostics;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Secrets;

/// <summary>
/// Runs the real <c>sensuctl</c> executable (<c>sensuctl.dll</c> from <c>SENSUCTL_DLL</c> or the Sensu.Cli build output
/// next to the backend's, same artifacts path) with its own environment and standard input.
/// </summary>
internal static class Sensuctl
{
    public static string Find() => ProgramLocator.Find("sensuctl.dll", "Sensu.Cli", "SENSUCTL_DLL");

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetChild.Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Find());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
