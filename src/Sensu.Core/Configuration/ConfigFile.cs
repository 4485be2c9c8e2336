using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Sensu.Core.Configuration;

/// <summary>
/// A program's YAML config file (<c>backend.yml</c>, <c>agent.yml</c>) read as setting name → text, the text a flag
/// would take: lists joined with commas, maps as <c>key=value</c> pairs.
/// </summary>
public static class ConfigFile
{
    /// <summary>
    /// The settings in <paramref name="path"/>. A missing file is an error only when it was named
    /// (<paramref name="named"/>); otherwise there are none.
    /// </summary>
    public static Dictionary<string, string> Read(string path, bool named)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            if (named)
                throw new SettingsException($"config file \"{path}\" does not exist");
            return [];
        }

        object? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<object?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new SettingsException($"config file \"{path}\": line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"config file \"{path}\": {ex.Message}", ex);
        }

        if (root is null)
            return [];
        if (root is not IDictionary map)
            throw new SettingsException($"config file \"{path}\": expected a mapping of setting names to values");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
            result[entry.Key?.ToString() ?? string.Empty] = Flatten(entry.Value);
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
