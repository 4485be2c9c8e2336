namespace Sensu.Backend.Secrets;

/// <summary>
/// The resolved secrets as the environment layer of a handler or mutator process (secrets-spec §4.5),
/// <c>NAME=value</c>. The runner merges it over the backend's environment, the assets' and the resource's
/// <c>env_vars</c> (<see cref="Sensu.Execution.EnvironmentComposer"/>), last so that secrets win.
/// This is where resolved values leave as clear text, for the process that needs them and nothing else.
/// </summary>
public static class SecretEnvironment
{
    /// <summary><c>NAME=value</c> entries of resolved secrets (clear text: for a child process or the agent's request only).</summary>
    public static IEnumerable<string> Entries(IReadOnlyList<(string EnvName, SecretValue Value)> secrets) =>
        secrets.Select(s => $"{s.EnvName}={s.Value.Reveal()}");
}
