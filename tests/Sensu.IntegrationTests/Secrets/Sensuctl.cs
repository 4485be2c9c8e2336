using System.Diagnostics;
using System.Reflection;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Secrets;

/// <summary>
/// Runs the real <c>sensuctl</c> executable (<c>sensuctl.dll</c> from <c>SENSUCTL_DLL</c> or the Sensu.Cli build output
/// next to the backend's, same artifacts path) with its own environment and standard input.
/// </summary>
internal static class Sensuctl
{
    public static string Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SENSUCTL_DLL") is { Length: > 0 } explicitPath)
            candidates.Add(explicitPath);
        var backend = typeof(Sensuctl).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SensuBackendDirectory")?.Value;
        if (!string.IsNullOrEmpty(backend))
            candidates.Add(Path.Combine(backend.Replace("Sensu.Backend", "Sensu.Cli", StringComparison.Ordinal), "sensuctl.dll"));
        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            if (File.Exists(full) && File.Exists(Path.ChangeExtension(full, ".runtimeconfig.json")))
                return full;
        }
        throw new FileNotFoundException($"sensuctl.dll not found; looked at: {string.Join(", ", candidates)}. " +
            "Build src/Sensu.Cli with the same --artifacts-path (the solution build does), or set SENSUCTL_DLL.");
    }

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
