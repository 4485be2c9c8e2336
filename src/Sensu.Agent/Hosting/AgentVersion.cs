using System.Reflection;

namespace Sensu.Agent.Hosting;

/// <summary>Our product version, reported as <c>sensu_agent_version</c> and by <c>sensu-agent version</c>.</summary>
public static class AgentVersion
{
    /// <summary>The Sensu Go release whose agent behaviour we follow.</summary>
    public const string SensuApiLevel = "6.14.0";

    public static string Product { get; } =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.1.0";
}
