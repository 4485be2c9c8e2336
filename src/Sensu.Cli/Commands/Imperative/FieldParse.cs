using System.Globalization;

namespace Sensu.Cli.Commands.Imperative;

/// <summary>Parses one flag or answer into a field's type; a malformed value fails naming the field.</summary>
public static class FieldParse
{
    /// <summary>Comma-separated list, entries trimmed, empty entries dropped (Sensu's <c>SafeSplitCSV</c>).</summary>
    public static List<string> Csv(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static uint UInt(string value, string field) =>
        value.Length == 0 ? 0
        : uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"invalid {field} \"{value}\": expected a whole number");

    public static long Long(string value, string field) =>
        value.Length == 0 ? 0
        : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"invalid {field} \"{value}\": expected a number");

    public static bool Bool(string value, string field) =>
        value.Length == 0 ? false
        : bool.TryParse(value, out var b) ? b
        : value is "1" or "t" or "T" ? true
        : value is "0" or "f" or "F" ? false
        : throw new CliException($"invalid {field} \"{value}\": expected true or false");

    public static string Text(uint value) => value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    public static string Text(long value) => value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    public static string Text(bool value) => value ? "true" : "false";

    public static string Text(IEnumerable<string>? values) => values is null ? "" : string.Join(',', values);
}
