using System.Reflection;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// Finds <c>sensu-agent.dll</c>: <c>SENSU_AGENT_DLL</c> if set, else next to the backend's artifacts folder
/// (<c>.../bin/Sensu.Agent/&lt;pivot&gt;/</c>). The test project does not reference the agent yet, so build
/// src/Sensu.Agent with the same --artifacts-path first.
/// </summary>
public static class AgentLocator
{
    public const string FileName = "sensu-agent.dll";

    public static string Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SENSU_AGENT_DLL") is { Length: > 0 } explicitPath)
            candidates.Add(explicitPath);
        var backendDir = typeof(AgentLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SensuBackendDirectory")?.Value;
        if (!string.IsNullOrEmpty(backendDir))
        {
            var pivot = Path.GetFileName(backendDir.TrimEnd('/', Path.DirectorySeparatorChar));
            candidates.Add(Path.Combine(backendDir, "..", "..", "Sensu.Agent", pivot, FileName));
        }
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        candidates.Add(Path.Combine(here, "..", "..", "Sensu.Agent", Path.GetFileName(here), FileName));
        candidates.Add(Path.Combine(here, FileName));
        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            if (File.Exists(full) && File.Exists(Path.ChangeExtension(full, ".runtimeconfig.json")))
                return full;
        }
        throw new FileNotFoundException(
            $"{FileName} not found; looked at: {string.Join(", ", candidates.Select(Path.GetFullPath))}. " +
            "Build src/Sensu.Agent with the same --artifacts-path, or set SENSU_AGENT_DLL.");
    }
}
