using System.Collections;

namespace Sensu.Execution;

/// <summary>
/// Which of the parent's variables a child process inherits (DESIGN habit 14): either only the names of an
/// allow-list (<see cref="AllowOnly"/>) or everything (<see cref="InheritAll"/>), in both cases minus excluded
/// names, excluded name prefixes and variables whose value is an excluded value (a credential the parent holds).
/// Names are matched ordinally (case matters: <c>http_proxy</c> and <c>HTTP_PROXY</c> are two names).
/// </summary>
public sealed class ChildEnvironmentPolicy
{
    private readonly HashSet<string>? _allowed;
    private readonly HashSet<string> _excludedNames;
    private readonly string[] _excludedPrefixes;
    private readonly HashSet<string> _excludedValues;

    private ChildEnvironmentPolicy(HashSet<string>? allowed, HashSet<string> excludedNames, string[] excludedPrefixes, HashSet<string> excludedValues)
    {
        _allowed = allowed;
        _excludedNames = excludedNames;
        _excludedPrefixes = excludedPrefixes;
        _excludedValues = excludedValues;
    }

    /// <summary>
    /// What a command inherits unless configured otherwise: <c>PATH</c>, <c>HOME</c>, <c>LANG</c>, <c>LC_ALL</c>,
    /// <c>TZ</c>, <c>TMPDIR</c> and the proxy variables in lower and upper case.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowList { get; } =
    [
        "PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
    ];

    /// <summary><see cref="DefaultAllowList"/> and nothing else.</summary>
    public static ChildEnvironmentPolicy Default { get; } = AllowOnly(DefaultAllowList);

    /// <summary>The names allowed, or null when every name not excluded is inherited.</summary>
    public IReadOnlySet<string>? AllowList => _allowed;

    /// <summary>Inherits only <paramref name="names"/>.</summary>
    public static ChildEnvironmentPolicy AllowOnly(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new(new HashSet<string>(names, StringComparer.Ordinal), new(StringComparer.Ordinal), [], new(StringComparer.Ordinal));
    }

    /// <summary>Inherits every variable (the agent's checks and hooks, where operators rely on it), until excluded.</summary>
    public static ChildEnvironmentPolicy InheritAll() =>
        new(null, new(StringComparer.Ordinal), [], new(StringComparer.Ordinal));

    /// <summary>A copy that never passes these names, whatever the allow-list says.</summary>
    public ChildEnvironmentPolicy ExcludingNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new(_allowed, [.. _excludedNames, .. names], _excludedPrefixes, _excludedValues);
    }

    /// <summary>A copy that never passes a name starting with one of these prefixes, whatever the allow-list says.</summary>
    public ChildEnvironmentPolicy ExcludingPrefixes(IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return new(_allowed, _excludedNames, [.. _excludedPrefixes, .. prefixes.Where(static p => p.Length > 0)], _excludedValues);
    }

    /// <summary>A copy that never passes a variable whose value is one of these (empty values are ignored).</summary>
    public ChildEnvironmentPolicy ExcludingValues(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(_allowed, _excludedNames, _excludedPrefixes, [.. _excludedValues, .. values.OfType<string>().Where(static v => v.Length > 0)]);
    }

    /// <summary>Whether a variable of the parent reaches the child.</summary>
    public bool Passes(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_allowed is not null && !_allowed.Contains(name))
            return false;
        if (_excludedNames.Contains(name) || _excludedValues.Contains(value ?? ""))
            return false;
        foreach (var prefix in _excludedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>The variables of <paramref name="parent"/> that pass.</summary>
    public BaseEnvironment Select(IEnumerable<KeyValuePair<string, string>> parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return BaseEnvironment.Of(parent.Where(p => Passes(p.Key, p.Value)));
    }

    /// <summary>The variables of this process that pass.</summary>
    public BaseEnvironment SelectFromProcess() => Select(ProcessVariables());

    /// <summary>This process's environment as name/value pairs.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ProcessVariables()
    {
        foreach (DictionaryEntry pair in Environment.GetEnvironmentVariables())
            yield return new((string)pair.Key, (string?)pair.Value ?? "");
    }
}
