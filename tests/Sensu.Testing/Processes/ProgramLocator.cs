using System.Reflection;

namespace Sensu.Testing.Processes;

/// <summary>
/// Finds one of our programs' build output (<c>sensu-backend.dll</c>, <c>sensu-agent.dll</c>, <c>sensuctl.dll</c>):
/// the path in its environment variable if set, else its project's folder next to the backend's artifacts folder
/// (recorded at build time, same pivot), else next to the running test assembly. A candidate counts only with its
/// runtimeconfig.json beside it.
/// </summary>
public static class ProgramLocator
{
    public static string Find(string fileName, string projectFolder, string environmentVariable)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } explicitPath)
            candidates.Add(explicitPath);

        var backendDir = typeof(ProgramLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SensuBackendDirectory")?.Value;
        if (!string.IsNullOrEmpty(backendDir))
        {
            var pivot = Path.GetFileName(backendDir.TrimEnd('/', Path.DirectorySeparatorChar));
            candidates.Add(Path.Combine(backendDir, "..", "..", projectFolder, pivot, fileName));
        }

        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        candidates.Add(Path.Combine(here, "..", "..", projectFolder, Path.GetFileName(here), fileName));
        candidates.Add(Path.Combine(here, fileName));

        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            if (File.Exists(full) && File.Exists(Path.ChangeExtension(full, ".runtimeconfig.json")))
                return full;
        }
        throw new FileNotFoundException(
            $"{fileName} (with its runtimeconfig.json) not found; looked at: {string.Join(", ", candidates.Select(Path.GetFullPath))}. " +
            $"Build src/{projectFolder} with the same --artifacts-path (the solution build does), or set {environmentVariable}.");
    }
}
