namespace Sensu.Core.Configuration;

/// <summary>
/// One setting of a program, named as Sensu names its flag (<c>api-listen-address</c>, also its key in the config
/// file), its environment variable, and how its text lands in <typeparamref name="TOptions"/>. Made by
/// <see cref="FlagFactory{TOptions}"/>.
/// </summary>
public sealed class Flag<TOptions>
{
    private readonly Action<TOptions, string> _apply;

    internal Flag(string name, string description, FlagKind kind, string environmentVariable, Action<TOptions, string> apply)
    {
        Name = name;
        Description = description;
        Kind = kind;
        EnvironmentVariable = environmentVariable;
        _apply = apply;
    }

    /// <summary>Flag name without dashes, as in the config file (<c>backend-url</c>).</summary>
    public string Name { get; }

    public string Description { get; }

    public FlagKind Kind { get; }

    public bool IsSwitch => Kind == FlagKind.Switch;

    /// <summary>The environment variable that sets it (<c>SENSU_BACKEND_API_URL</c>, <c>SENSU_BACKEND_URL</c>).</summary>
    public string EnvironmentVariable { get; }

    /// <summary>Sets the value; a value that does not parse is a <see cref="SettingsException"/> naming the flag.</summary>
    public void Apply(TOptions options, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            _apply(options, value.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new SettingsException($"invalid value \"{value}\" for {Name}: {ex.Message}", ex);
        }
    }
}
