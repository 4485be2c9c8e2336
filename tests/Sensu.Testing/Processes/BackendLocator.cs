using System.Reflection;

namespace Sensu.Testing.Processes;

/// <summary>
/// Finds <c>sensu-backend.dll</c>: <c>SENSU_BACKEND_DLL</c> if set, else the backend project's own artifacts folder
/// (recorded at build time), else the copy next to this test assembly.
/// </summary>
public static class BackendLocator
{
    public const string FileName = "sensu-backend.dll";

    public static string Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SENSU_BACKEND_DLL") is { Length: > 0 } explicitPath)
            candidates.Add(explicitPath);

        var recorded = typeof(BackendLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SensuBackendDirectory")?.Value;
        if (!string.IsNullOrEmpty(recorded))
            candidates.Add(Path.Combine(recorded, FileName));

        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        candidates.Add(Path.Combine(here, "..", "..", "Sensu.Backend", Path.GetFileName(here), FileName));
        candidates.Add(Path.Combine(here, FileName));

        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            if (File.Exists(full) && File.Exists(Path.ChangeExtension(full, ".runtimeconfig.json")))
                return full;
        }
        throw new FileNotFoundException(
            $"{FileName} (with its runtimeconfig.json) not found; looked at: {string.Join(", ", candidates.Select(Path.GetFullPath))}. " +
            "Build src/Sensu.Backend with the same --artifacts-path, or set SENSU_BACKEND_DLL.");
    }
}
