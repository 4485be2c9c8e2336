using System.Globalization;

namespace Sensu.Backend.Hosting;

/// <summary>One backend setting: its Sensu flag name, help text and how it lands in <see cref="BackendOptions"/>.</summary>
public sealed class BackendFlag
{
    private readonly Action<BackendOptions, string> _apply;

    private BackendFlag(string name, string description, bool isSwitch, Action<BackendOptions, string> apply)
    {
        Name = name;
        Description = description;
        IsSwitch = isSwitch;
        _apply = apply;
    }

    /// <summary>Flag name without dashes, as in <c>backend.yml</c> (<c>api-listen-address</c>).</summary>
    public string Name { get; }

    public string Description { get; }

    public bool IsSwitch { get; }

    /// <summary>The environment variable that sets it: <c>SENSU_BACKEND_API_LISTEN_ADDRESS</c>.</summary>
    public string EnvironmentVariable => "SENSU_BACKEND_" + Name.Replace('-', '_').ToUpperInvariant();

    public void Apply(BackendOptions options, string value)
    {
        try
        {
            _apply(options, value.Trim());
        }
        catch (FormatException ex)
        {
            throw new BackendSettingsException($"invalid value \"{value}\" for {Name}: {ex.Message}", ex);
        }
        catch (OverflowException ex)
        {
            throw new BackendSettingsException($"invalid value \"{value}\" for {Name}: {ex.Message}", ex);
        }
    }

    public static BackendFlag Text(string name, string description, Action<BackendOptions, string> set) =>
        new(name, description, false, set);

    public static BackendFlag Number(string name, string description, Action<BackendOptions, int> set) =>
        new(name, description, false, (o, v) => set(o, int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    public static BackendFlag Switch(string name, string description, Action<BackendOptions, bool> set) =>
        new(name, description, true, (o, v) => set(o, ParseBool(v)));

    /// <summary>A map flag: <c>key=value</c> pairs separated by commas (Sensu's StringToString).</summary>
    public static BackendFlag Map(string name, string description, Func<BackendOptions, Dictionary<string, string>> get) =>
        new(name, description, false, (o, v) =>
        {
            foreach (var pair in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=');
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
