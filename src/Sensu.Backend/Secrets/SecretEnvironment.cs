using System.Collections;

namespace Sensu.Backend.Secrets;

/// <summary>
/// The environment layers a handler or mutator process gets from the backend (secrets-spec §4.5): this process's
/// environment and the resolved secrets as <c>NAME=value</c>. The runner merges them with the assets' and the
/// resource's <c>env_vars</c> (<see cref="Sensu.Execution.EnvironmentComposer"/>), secrets last so they win.
/// This is where resolved values leave as clear text, for the process that needs them and nothing else.
/// </summary>
public static class SecretEnvironment
{
    /// <summary><c>NAME=value</c> entries of resolved secrets (clear text: for a child process or the agent's request only).</summary>
    public static IEnumerable<string> Entries(IReadOnlyList<(string EnvName, SecretValue Value)> secrets) =>
        secrets.Select(s => $"{s.EnvName}={s.Value.Reveal()}");

    /// <summary>This process's environment as <c>KEY=VALUE</c> entries.</summary>
    public static IEnumerable<string> ProcessEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            yield return $"{entry.Key}={entry.Value}";
    }
}
