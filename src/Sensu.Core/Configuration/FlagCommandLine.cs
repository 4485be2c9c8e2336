using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sensu.Core.Configuration;

/// <summary>
/// The options of a <see cref="FlagTable{TOptions}"/> on a System.CommandLine command (<c>--config-file</c>/<c>-c</c>
/// and one <c>--name</c> per flag), and the flags a parse result gives, as <see cref="SettingsBinder"/> takes them.
/// </summary>
public sealed class FlagCommandLine<TOptions>
{
    private FlagCommandLine(FlagTable<TOptions> table, Option<string> configFile, IReadOnlyDictionary<string, Option> options)
    {
        Table = table;
        ConfigFile = configFile;
        Options = options;
    }

    public FlagTable<TOptions> Table { get; }

    public Option<string> ConfigFile { get; }

    /// <summary>One option per flag, by flag name: <c>Option&lt;bool&gt;</c> for a switch, <c>Option&lt;string[]&gt;</c> otherwise.</summary>
    public IReadOnlyDictionary<string, Option> Options { get; }

    /// <summary>Adds the table's options to <paramref name="command"/>.</summary>
    public static FlagCommandLine<TOptions> AddTo(Command command, FlagTable<TOptions> table, string program)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(table);
        var configFile = new Option<string>("--" + FlagTable<TOptions>.ConfigFileFlag, "-c")
        {
            Description = $"path to {program} config file (default {table.DefaultConfigFile})",
        };
        command.Options.Add(configFile);
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        var defaults = FlagDefaults.Of(table);
        foreach (var flag in table.Flags)
        {
            var description = defaults.TryGetValue(flag.Name, out var value)
                ? $"{flag.Description} (default {value}; env {flag.EnvironmentVariable})"
                : $"{flag.Description} (env {flag.EnvironmentVariable})";
            // A switch is given bare (--deregister) or with its value attached (--deregister=true|false), as Go's
            // flags take booleans: a bool option of arity zero-or-one, which help shows without a value; the tokens
            // are read as text and the flag parses them.
            Option option = flag.IsSwitch
                ? new Option<bool>("--" + flag.Name) { Description = description, Arity = ArgumentArity.ZeroOrOne, CustomParser = static _ => true }
                : new Option<string[]>("--" + flag.Name) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
            command.Options.Add(option);
            options[flag.Name] = option;
        }
        return new FlagCommandLine<TOptions>(table, configFile, options);
    }

    /// <summary>The flags given on the command line, as <c>name → value</c>.</summary>
    public Dictionary<string, string> Given(ParseResult result) => Given(Table, result, ConfigFile, Options);

    /// <summary>
    /// The flags given: a bare switch is <c>true</c>, a repeated list flag's values are joined with commas, a
    /// repeated one-value flag keeps its last value (as Go's flags do).
    /// </summary>
    public static Dictionary<string, string> Given(
        FlagTable<TOptions> table, ParseResult result, Option<string> configFile, IReadOnlyDictionary<string, Option> options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.GetResult(configFile) is { Implicit: false })
            given[FlagTable<TOptions>.ConfigFileFlag] = result.GetValue(configFile) ?? string.Empty;
        foreach (var (name, option) in options)
        {
            if (result.GetResult(option) is not { Implicit: false } optionResult)
                continue;
            var values = optionResult.Tokens.Select(t => t.Value).ToArray();
            given[name] = values.Length == 0
                ? "true"
                : table.Find(name)?.Kind == FlagKind.Text ? values[^1] : string.Join(',', values);
        }
        return given;
    }
}
