namespace Sensu.Core.Configuration;

/// <summary>
/// Every setting of one program (<c>sensu-backend</c>, <c>sensu-agent</c>): its flags, where its config file is, how
/// a fresh <typeparamref name="TOptions"/> is made and how it is checked once bound.
/// </summary>
public sealed class FlagTable<TOptions>
{
    /// <summary>The flag naming the config file, in both programs.</summary>
    public const string ConfigFileFlag = "config-file";

    public FlagTable(
        FlagFactory<TOptions> factory,
        string defaultConfigFile,
        IReadOnlyList<Flag<TOptions>> flags,
        Func<TOptions> create,
        Action<TOptions> validate)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DefaultConfigFile = defaultConfigFile;
        ConfigFileVariable = factory.VariableOf(ConfigFileFlag);
        Flags = flags;
        Create = create;
        Validate = validate;
    }

    /// <summary>Read when present and no other file is named (<c>/etc/sensu/backend.yml</c>).</summary>
    public string DefaultConfigFile { get; }

    /// <summary>The variable naming the config file (<c>SENSU_BACKEND_CONFIG_FILE</c>).</summary>
    public string ConfigFileVariable { get; }

    public IReadOnlyList<Flag<TOptions>> Flags { get; }

    /// <summary>Options holding the program's defaults.</summary>
    public Func<TOptions> Create { get; }

    /// <summary>Throws a <see cref="SettingsException"/> listing every invalid setting.</summary>
    public Action<TOptions> Validate { get; }

    public Flag<TOptions>? Find(string name) => Flags.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
