using System.Globalization;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Core.Configuration;

/// <summary>
/// Makes the flags of one program: every flag's variable is the program's prefix followed by the flag's name in
/// capitals (<c>SENSU_</c> + <c>backend-url</c> = <c>SENSU_BACKEND_URL</c>).
/// </summary>
public sealed class FlagFactory<TOptions>(string environmentPrefix)
{
    public string EnvironmentPrefix { get; } = environmentPrefix;

    public string VariableOf(string name) => EnvironmentPrefix + name.Replace('-', '_').ToUpperInvariant();

    public Flag<TOptions> Text(string name, string description, Action<TOptions, string> set) =>
        Make(name, description, FlagKind.Text, set);

    public Flag<TOptions> Number(string name, string description, Action<TOptions, int> set) =>
        Make(name, description, FlagKind.Text, (o, v) => set(o, int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    public Flag<TOptions> Real(string name, string description, Action<TOptions, double> set) =>
        Make(name, description, FlagKind.Text, (o, v) => set(o, double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)));

    /// <summary>Whole seconds, given bare (<c>15</c>) or with an <c>s</c> suffix (<c>15s</c>).</summary>
    public Flag<TOptions> Seconds(string name, string description, Action<TOptions, int> set) =>
        Make(name, description, FlagKind.Text, (o, v) =>
            set(o, int.Parse(v.EndsWith('s') ? v[..^1] : v, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    /// <summary>A Go duration (<c>1s</c>, <c>2m</c>); a bare number is seconds.</summary>
    public Flag<TOptions> Duration(string name, string description, Action<TOptions, TimeSpan> set) =>
        Make(name, description, FlagKind.Text, (o, v) =>
            set(o, double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : GoDuration.Parse(v)));

    /// <summary>One of <paramref name="choices"/>, any case; stored in lower case.</summary>
    public Flag<TOptions> Choice(string name, string description, IReadOnlyList<string> choices, Action<TOptions, string> set) =>
        Make(name, description, FlagKind.Text, (o, v) =>
        {
            var lower = v.ToLowerInvariant();
            set(o, choices.Contains(lower, StringComparer.Ordinal) ? lower : throw new FormatException("expected " + string.Join(" or ", choices)));
        });

    public Flag<TOptions> Switch(string name, string description, Action<TOptions, bool> set) =>
        Make(name, description, FlagKind.Switch, (o, v) => set(o, ParseBool(v)));

    /// <summary>A list flag: repeated on the command line, comma-separated in variables and strings, a YAML list in the file.</summary>
    public Flag<TOptions> List(string name, string description, Func<TOptions, List<string>> get) =>
        Make(name, description, FlagKind.List, (o, v) =>
        {
            var list = get(o);
            list.Clear();
            list.AddRange(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        });

    /// <summary>A map flag: <c>key=value</c> pairs separated by commas (Sensu's StringToString), a YAML mapping in the file.</summary>
    public Flag<TOptions> Map(string name, string description, Func<TOptions, Dictionary<string, string>> get) =>
        Make(name, description, FlagKind.List, (o, v) =>
        {
            foreach (var pair in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                    throw new FormatException($"expected key=value, got \"{pair}\"");
                get(o)[pair[..eq]] = pair[(eq + 1)..];
            }
        });

    /// <summary>
    /// A flag this version parses but cannot honour: its default (<paramref name="isDefault"/>) is accepted and
    /// changes nothing, any other value is refused at start with <paramref name="reason"/>, so a setting never looks
    /// taken while nothing uses it.
    /// </summary>
    public Flag<TOptions> Unavailable(Flag<TOptions> flag, Func<string, bool> isDefault, string reason)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new Flag<TOptions>(flag.Name, $"{flag.Description} ({reason})", flag.Kind, flag.EnvironmentVariable, (o, v) =>
        {
            if (!isDefault(v))
                throw new SettingsException($"{flag.Name}: {reason}");
            flag.Apply(o, v);
        });
    }

    private Flag<TOptions> Make(string name, string description, FlagKind kind, Action<TOptions, string> apply) =>
        new(name, description, kind, VariableOf(name), apply);

    /// <summary>Go's boolean spellings, and the empty value of a bare switch.</summary>
    public static bool ParseBool(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.ToLowerInvariant() switch
        {
            "" or "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new FormatException("expected true or false"),
        };
    }
}
