using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Types plain YAML scalars the way Go's yaml.v2 does when decoding into <c>interface{}</c> (YAML 1.1):
/// <c>yes/no/on/off/y/n</c> booleans, <c>~</c>/<c>null</c>, Go-style integers (<c>0x</c>, <c>0o</c>, <c>0b</c>,
/// leading-zero octal, underscores), floats; everything else, timestamps included, stays a string.
/// </summary>
internal static partial class YamlScalarResolver
{
    /// <summary>The kind a plain scalar resolves to.</summary>
    internal enum Kind
    {
        String,
        Null,
        Bool,
        Int,
        Float,
    }

    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];

    private static readonly HashSet<string> Trues = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"];

    private static readonly HashSet<string> Falses = ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"];

    private static readonly HashSet<string> Specials =
        [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"];

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLike();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60Like();

    /// <summary>Resolves a plain scalar to a JSON value (null for YAML null).</summary>
    /// <exception cref="FormatException">The scalar is a float JSON cannot hold (<c>.nan</c>, <c>.inf</c>).</exception>
    public static JsonNode? Resolve(string plain)
    {
        if (Nulls.Contains(plain))
            return null;
        if (Trues.Contains(plain))
            return JsonValue.Create(true);
        if (Falses.Contains(plain))
            return JsonValue.Create(false);
        if (plain == "<<")
            return JsonValue.Create(plain);
        if (Specials.Contains(plain))
            throw new FormatException($"unsupported value {plain}: JSON has no NaN or infinity");
        var first = plain[0];
        if (first is '.' && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var dot) && double.IsFinite(dot))
            return JsonValue.Create(dot);
        if (char.IsAsciiDigit(first) || first is '+' or '-')
        {
            var clean = plain.Replace("_", string.Empty, StringComparison.Ordinal);
            if (TryParseGoInteger(clean, out var integer))
            {
                return integer >= long.MinValue && integer <= long.MaxValue
                    ? JsonValue.Create((long)integer)
                    : JsonValue.Create((ulong)integer);
            }
            if (YamlFloat().IsMatch(clean)
                && double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number))
                return JsonValue.Create(number);
        }
        return JsonValue.Create(plain);
    }

    /// <summary>What a plain scalar with this text would be read back as; used by the writer to decide on quoting.</summary>
    public static Kind KindOf(string plain)
    {
        if (Specials.Contains(plain))
            return Kind.Float;
        JsonNode? node;
        try
        {
            node = Resolve(plain);
        }
        catch (FormatException)
        {
            return Kind.Float;
        }
        if (node is null)
            return Kind.Null;
        return node.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Kind.Bool,
            System.Text.Json.JsonValueKind.Number => node.AsValue().TryGetValue<double>(out _) ? Kind.Float : Kind.Int,
            _ => Kind.String,
        };
    }

    /// <summary>True when a string must be quoted in YAML so that other YAML 1.1 readers keep it a string.</summary>
    public static bool NeedsQuoting(string value) =>
        KindOf(value) != Kind.String || TimestampLike().IsMatch(value) || Base60Like().IsMatch(value);

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> then <c>ParseUint</c>: sign, 0x/0o/0b prefixes, leading-zero octal.</summary>
    private static bool TryParseGoInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var negative = false;
        var s = text;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Length == 0)
            return false;
        var radix = 10;
        if (s.Length > 1 && s[0] == '0')
        {
            switch (s[1])
            {
                case 'x' or 'X': radix = 16; s = s[2..]; break;
                case 'o' or 'O': radix = 8; s = s[2..]; break;
                case 'b' or 'B': radix = 2; s = s[2..]; break;
                default: radix = 8; s = s[1..]; break;
            }
            if (s.Length == 0)
                return false;
        }
        foreach (var c in s)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
                return false;
            value = (value * radix) + digit;
        }
        if (negative)
            value = -value;
        return value >= long.MinValue && value <= ulong.MaxValue && (!negative || value >= long.MinValue);
    }
}
