using System.Text.RegularExpressions;
using Sensu.Core.Configuration;
using Sensu.Execution;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Backend.Secrets.Env;

namespace Sensu.Backend.Secrets;

/// <summary>
/// <c>--child-env-allow-list</c> (<c>SENSU_BACKEND_CHILD_ENV_ALLOW_LIST</c>, <c>child-env-allow-list</c> in
/// <c>backend.yml</c>): the comma-separated names of the backend's variables that pipe handlers and pipe mutators
/// inherit; unset means <see cref="ChildEnvironmentPolicy.DefaultAllowList"/>, empty means none. Every name must be
/// harmless (<see cref="EnvSecretReach.IsHarmless"/>): a name the Env provider could serve as a secret, or a
/// <c>SENSU_BACKEND_*</c> setting, is refused at start; grant such a value with a <c>Secret</c> instead.
/// </summary>
public static partial class ChildEnvironmentAllowList
{
    public const string Flag = "child-env-allow-list";

    /// <summary>The names given, or the default list when <paramref name="text"/> is null.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        text is null
            ? ChildEnvironmentPolicy.DefaultAllowList
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Why the list cannot be used; empty when it can.</summary>
    public static IEnumerable<string> Problems(string? text)
    {
        foreach (var name in Parse(text))
        {
            if (!VariableName().IsMatch(name))
                yield return $"{Flag}: \"{name}\" is not an environment variable name";
            else if (name.StartsWith(EnvSecretReach.BackendSettingsPrefix, StringComparison.Ordinal))
                yield return $"{Flag}: {name} is a backend setting and is never passed to a command";
            else if (EnvSecretReach.MayHoldSecret(name))
                yield return $"{Flag}: {name} may hold a secret the Env secrets provider serves; grant it to the handler or mutator with a Secret instead";
        }
    }

    /// <summary>
    /// The policy of backend-side commands: the allow-list, never a <c>SENSU_BACKEND_*</c> variable nor one that may
    /// hold a secret, nor any variable whose value is one of the backend's credentials.
    /// </summary>
    /// <param name="allowList"><c>--child-env-allow-list</c> (<see cref="Pipelined.PipelinedOptions.ChildEnvAllowList"/>).</param>
    /// <param name="credentials">The backend's credentials (<see cref="SecretsOptions.Credentials"/>).</param>
    public static ChildEnvironmentPolicy Policy(string? allowList, IEnumerable<string> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = Problems(allowList).ToList();
        if (problems.Count > 0)
            throw new SettingsException(string.Join("; ", problems));
        return ChildEnvironmentPolicy.AllowOnly(Parse(allowList).Where(EnvSecretReach.IsHarmless))
            .ExcludingPrefixes([EnvSecretReach.BackendSettingsPrefix])
            .ExcludingValues(credentials.Where(static c => c.Length > 0));
    }

    /// <summary>The base environment of every backend-side command, selected once from this process.</summary>
    public static BaseEnvironment BaseEnvironment(string? allowList, IEnumerable<string> credentials) => Policy(allowList, credentials).SelectFromProcess();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
