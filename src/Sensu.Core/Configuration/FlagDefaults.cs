using System.Collections;
using System.Globalization;

namespace Sensu.Core.Configuration;

/// <summary>
/// The default of each flag of a table, as <c>--help</c> shows it: the value of the options' property named as the
/// flag (<c>api-listen-address</c> is <c>ApiListenAddress</c>) on freshly made options; flags whose default is empty
/// (no value, an empty list) have none.
/// </summary>
public static class FlagDefaults
{
    public static IReadOnlyDictionary<string, string> Of<TOptions>(FlagTable<TOptions> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var fresh = table.Create();
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fresh is null)
            return defaults;
        foreach (var flag in table.Flags)
        {
            var property = fresh.GetType().GetProperty(PropertyName(flag.Name));
            if (property is null || Text(property.GetValue(fresh)) is not { Length: > 0 } text)
                continue;
            defaults[flag.Name] = text;
        }
        return defaults;
    }

    private static string PropertyName(string flag) =>
        string.Concat(flag.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        TimeSpan t => t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        IDictionary { Count: 0 } or ICollection { Count: 0 } => null,
        IDictionary map => string.Join(',', map.Keys.Cast<object>().Select(k => $"{k}={map[k]}")),
        IEnumerable list and not string => string.Join(',', list.Cast<object>()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
