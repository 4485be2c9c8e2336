using System.Globalization;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Agent.Configuration;

/// <summary>One agent setting: its Sensu flag name, help text, kind and how it lands in <see cref="AgentOptions"/>.</summary>
public sealed class AgentFlag
{
    private readonly Action<AgentOptions, string> _apply;

    private AgentFlag(string name, string description, AgentFlagKind kind, Action<AgentOptions, string> apply)
    {
        Name = name;
        Description = description;
        Kind = kind;
        _apply = apply;
    }

    /// <summary>Flag name without dashes, as in <c>agent.yml</c> (<c>backend-url</c>).</summary>
    public string Name { get; }

    public string Description { get; }

    public AgentFlagKind Kind { get; }

    /// <summary>The environment variable that sets it: <c>SENSU_BACKEND_URL</c>.</summary>
    public string EnvironmentVariable => "SENSU_" + Name.Replace('-', '_').ToUpperInvariant();

    public void Apply(AgentOptions options, string value)
    {
        try
        {
            _apply(options, value.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new AgentSettingsException($"invalid value \"{value}\" for {Name}: {ex.Message}", ex);
        }
    }

    public static AgentFlag Text(string name, string description, Action<AgentOptions, string> set) =>
        new(name, description, AgentFlagKind.Text, set);

    public static AgentFlag Number(string name, string description, Action<AgentOptions, int> set) =>
        new(name, description, AgentFlagKind.Text, (o, v) => set(o, int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    public static AgentFlag Real(string name, string description, Action<AgentOptions, double> set) =>
        new(name, description, AgentFlagKind.Text, (o, v) => set(o, double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)));

    /// <summary>A Go duration (<c>1s</c>, <c>2m</c>); a bare number is seconds.</summary>
    public static AgentFlag Duration(string name, string description, Action<AgentOptions, TimeSpan> set) =>
        new(name, description, AgentFlagKind.Text, (o, v) =>
            set(o, double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : GoDuration.Parse(v)));

    public static AgentFlag Switch(string name, string description, Action<AgentOptions, bool> set) =>
        new(name, description, AgentFlagKind.Switch, (o, v) => set(o, ParseBool(v)));

    /// <summary>A list flag: repeated on the command line, comma-separated in variables and strings, a YAML list in the file.</summary>
    public static AgentFlag List(string name, string description, Func<AgentOptions, List<string>> get) =>
        new(name, description, AgentFlagKind.List, (o, v) =>
        {
            var list = get(o);
            list.Clear();
            list.AddRange(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        });

    /// <summary>A map flag: <c>key=value</c> pairs separated by commas (Sensu's StringToString).</summary>
    public static AgentFlag Map(string name, string description, Func<AgentOptions, Dictionary<string, string>> get) =>
        new(name, description, AgentFlagKind.List, (o, v) =>
        {
            foreach (var pair in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                    throw new FormatException($"expected key=value, got \"{pair}\"");
                get(o)[pair[..eq]] = pair[(eq + 1)..];
            }
        });

    private static bool ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "" or "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException("expected true or false"),
    };
}
