using Sensu.Agent.Configuration;
using Sensu.Execution;

namespace Sensu.Agent.Checks;

/// <summary>
/// The base environment of checks and hooks: the agent's whole environment (operators rely on it, as in Sensu)
/// minus the agent's own credentials: the variables of its credential flags (<c>SENSU_PASSWORD</c>) and any
/// variable whose value is the password in use, however it was given (flag, file or variable).
/// The user name is not a secret and stays.
/// </summary>
internal static class AgentChildEnvironment
{
    /// <summary>Agent flags that carry a credential.</summary>
    public static IReadOnlySet<string> CredentialFlags { get; } = new HashSet<string>(StringComparer.Ordinal) { "password" };

    public static ChildEnvironmentPolicy Policy(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ChildEnvironmentPolicy.InheritAll()
            .ExcludingNames(AgentFlags.All.Where(static f => CredentialFlags.Contains(f.Name)).Select(static f => f.EnvironmentVariable))
            .ExcludingValues([options.Password]);
    }
}
