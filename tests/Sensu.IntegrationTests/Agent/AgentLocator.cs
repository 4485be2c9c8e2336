using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Agent;

/// <summary>Finds <c>sensu-agent.dll</c> (<c>SENSU_AGENT_DLL</c>, else the agent's build output): <see cref="ProgramLocator"/>.</summary>
public static class AgentLocator
{
    public const string FileName = "sensu-agent.dll";

    public static string Find() => ProgramLocator.Find(FileName, "Sensu.Agent", "SENSU_AGENT_DLL");
}
