using System.Collections;
using System.ComponentModel.DataAnnotations;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Reads <see cref="BackendOptions"/> with Sensu's precedence: a flag given on the command line, then its
/// <c>SENSU_BACKEND_*</c> variable, then the same key in <c>backend.yml</c>, then the default.
/// </summary>
public static class BackendSettings
{
    public static BackendOptions Load(
        IReadOnlyDictionary<string, string> flags,
        Func<string, string?> environment)
    {
        var options = new BackendOptions();
        var file = ReadConfigFile(flags, environment);

        foreach (var flag in BackendFlags.All)
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

        Validate(options);
        return options;
    }

    public static void Validate(BackendOptions options)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new BackendSettingsException(string.Join("; ", results.Select(r => r.ErrorMessage)));
    }

    private static Dictionary<string, string> ReadConfigFile(IReadOnlyDictionary<string, string> flags, Func<string, string?> environment)
    {
        var explicitPath = flags.GetValueOrDefault(BackendFlags.ConfigFile) ?? environment("SENSU_BACKEND_CONFIG_FILE");
        var path = explicitPath ?? BackendFlags.DefaultConfigFile;
        if (!File.Exists(path))
        {
            if (explicitPath is not null)
                throw new BackendSettingsException($"config file \"{path}\" does not exist");
            return [];
        }

        object? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<object?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new BackendSettingsException($"config file \"{path}\": line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new BackendSettingsException($"config file \"{path}\": {ex.Message}", ex);
        }

        if (root is null)
            return [];
        if (root is not IDictionary map)
            throw new BackendSettingsException($"config file \"{path}\": expected a mapping of setting names to values");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            var key = entry.Key?.ToString() ?? string.Empty;
            result[key] = Flatten(entry.Value);
        }
        return result;
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
    {
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
            yield return enumerator.Entry;
    }

    private static string Flatten(object? value) => value switch
    {
        null => string.Empty,
        IDictionary map => string.Join(',', Entries(map).Select(e => $"{e.Key}={e.Value}")),
        IEnumerable list and not string => string.Join(',', list.Cast<object?>().Select(i => i?.ToString())),
        _ => value.ToString() ?? string.Empty,
    };
}
