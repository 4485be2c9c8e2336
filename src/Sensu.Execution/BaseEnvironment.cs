namespace Sensu.Execution;

/// <summary>
/// The variables a child process starts from (<c>KEY=VALUE</c>, sorted by key), before runtime assets,
/// <c>env_vars</c> and secrets are layered over it (see <see cref="EnvironmentComposer"/>). Built by a
/// <see cref="ChildEnvironmentPolicy"/>; never the parent's whole environment unless a policy says so.
/// <see cref="ToString"/> names the keys only: values are never printed.
/// </summary>
public sealed class BaseEnvironment
{
    private BaseEnvironment(IReadOnlyList<string> entries) => Entries = entries;

    /// <summary>No variable at all.</summary>
    public static BaseEnvironment Empty { get; } = new([]);

    /// <summary>The <c>KEY=VALUE</c> entries, sorted by key (ordinal), one per key.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The keys of <see cref="Entries"/>, in order.</summary>
    public IEnumerable<string> Keys => Entries.Select(static e => e[..e.IndexOf('=', StringComparison.Ordinal)]);

    /// <summary>Entries from name/value pairs (a later pair of the same name wins; names that are empty or hold <c>=</c> are dropped).</summary>
    public static BaseEnvironment Of(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (!string.IsNullOrEmpty(name) && !name.Contains('=', StringComparison.Ordinal))
                map[name] = value ?? "";
        }
        return map.Count == 0 ? Empty : new BaseEnvironment(map.Select(static p => p.Key + "=" + p.Value).ToList());
    }

    public override string ToString() => $"BaseEnvironment({string.Join(", ", Keys)})";
}
