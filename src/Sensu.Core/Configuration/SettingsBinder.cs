namespace Sensu.Core.Configuration;

/// <summary>
/// Binds a program's options with Sensu's precedence: a flag given on the command line, then its environment
/// variable (<c>SENSU_BACKEND_*</c>, <c>SENSU_*</c>), then the same key in the config file, then the default; then
/// validates them. Every failure is a <see cref="SettingsException"/> naming the setting.
/// </summary>
public static class SettingsBinder
{
    /// <param name="table">The program's settings.</param>
    /// <param name="flags">The flags given on the command line, by name without dashes (the config file's among them).</param>
    /// <param name="environment">Reads one environment variable (null when unset).</param>
    public static TOptions Bind<TOptions>(
        FlagTable<TOptions> table,
        IReadOnlyDictionary<string, string> flags,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        var options = table.Create();
        var explicitPath = flags.GetValueOrDefault(FlagTable<TOptions>.ConfigFileFlag) ?? environment(table.ConfigFileVariable);
        var file = ConfigFile.Read(explicitPath ?? table.DefaultConfigFile, named: explicitPath is not null);

        foreach (var flag in table.Flags)
        {
            string? value = null;
            if (flags.TryGetValue(flag.Name, out var fromFlag))
                value = fromFlag;
            else if (environment(flag.EnvironmentVariable) is { } fromEnv)
                value = fromEnv;
            else if (file.TryGetValue(flag.Name, out var fromFile))
                value = fromFile;

            if (value is not null)
                flag.Apply(options, value);
        }

        table.Validate(options);
        return options;
    }
}
