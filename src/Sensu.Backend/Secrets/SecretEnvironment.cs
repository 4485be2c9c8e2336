using System.Collections;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Builds a child process environment the way Sensu merges environments (secrets-spec §4.5): later sets
/// override earlier keys, except <c>PATH</c>, <c>CPATH</c> and <c>LD_LIBRARY_PATH</c>, whose later values are
/// prepended with the path separator; entries without <c>=</c> are dropped; the result is sorted by key.
/// This is where resolved values leave as clear text, for the process that needs them and nothing else.
/// </summary>
public static class SecretEnvironment
{
    private static readonly HashSet<string> PathLike = new(StringComparer.Ordinal) { "PATH", "CPATH", "LD_LIBRARY_PATH" };

    /// <summary>Handlers and mutators: process env, asset env, <c>env_vars</c>, then secrets (secrets win).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForHandler(
        IEnumerable<string> processEnvironment,
        IEnumerable<string>? assetEnvironment,
        IEnumerable<string>? envVars,
        IReadOnlyList<(string EnvName, SecretValue Value)> secrets) =>
        Merge(processEnvironment, assetEnvironment ?? [], envVars ?? [], Entries(secrets));

    /// <summary>Checks on the agent: process env, asset env, secrets, then <c>env_vars</c> (env_vars win).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForCheck(
        IEnumerable<string> processEnvironment,
        IEnumerable<string>? assetEnvironment,
        IReadOnlyList<(string EnvName, SecretValue Value)> secrets,
        IEnumerable<string>? envVars) =>
        Merge(processEnvironment, assetEnvironment ?? [], Entries(secrets), envVars ?? []);

    /// <summary><c>NAME=value</c> entries of resolved secrets (clear text: for a child process or the agent's request only).</summary>
    public static IEnumerable<string> Entries(IReadOnlyList<(string EnvName, SecretValue Value)> secrets) =>
        secrets.Select(s => $"{s.EnvName}={s.Value.Reveal()}");

    /// <summary>This process's environment as <c>KEY=VALUE</c> entries.</summary>
    public static IEnumerable<string> ProcessEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            yield return $"{entry.Key}={entry.Value}";
    }

    /// <summary>Merges environment sets, later ones winning (path-like keys prepend instead).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(params IEnumerable<string>[] sets)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var entry in set)
            {
                var separator = entry.IndexOf('=');
                if (separator <= 0)
                    continue;
                var key = entry[..separator];
                var value = entry[(separator + 1)..];
                if (PathLike.Contains(key) && merged.TryGetValue(key, out var earlier) && earlier.Length > 0)
                    merged[key] = value.Length > 0 ? $"{value}{Path.PathSeparator}{earlier}" : earlier;
                else
                    merged[key] = value;
            }
        }
        return merged.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }
}
