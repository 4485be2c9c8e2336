using System.Diagnostics;

namespace Sensu.Cli.Tests.Support;

/// <summary>Runs the built <c>sensuctl</c> executable (<c>dotnet sensuctl.dll</c>) as a child process with its own environment.</summary>
public static class SensuctlProcess
{
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "sensuctl.dll");

    public static async Task<CliRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
