using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// Go's <c>time.Duration</c> text form: parses <c>"20s"</c>, <c>"1m30s"</c>, <c>"1.5h"</c>, <c>"500ms"</c>
/// and formats like Go's <c>Duration.String()</c> (<c>"1m0s"</c>, <c>"1h0m0s"</c>, <c>"0s"</c>).
/// </summary>
public static class GoDuration
{
    private const long NanosPerTick = 100;

    /// <summary>Go's <c>Duration.String()</c> (100 ns resolution, like <see cref="TimeSpan"/>).</summary>
    public static string Format(TimeSpan value)
    {
        Int128 nanos = (Int128)value.Ticks * NanosPerTick;
        var negative = nanos < 0;
        if (negative)
            nanos = -nanos;
        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (nanos == 0)
            return "0s";
        if (nanos < 1_000)
            return sb.Append(nanos.ToString(CultureInfo.InvariantCulture)).Append("ns").ToString();
        if (nanos < 1_000_000)
            return AppendFraction(sb, nanos, 1_000, 3).Append("µs").ToString();
        if (nanos < 1_000_000_000)
            return AppendFraction(sb, nanos, 1_000_000, 6).Append("ms").ToString();

        var seconds = nanos / 1_000_000_000;
        var hours = seconds / 3600;
        var minutes = seconds / 60 % 60;
        if (hours > 0)
            sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (hours > 0 || minutes > 0)
            sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        return AppendFraction(sb, nanos % (60L * 1_000_000_000), 1_000_000_000, 9).Append('s').ToString();
    }

    /// <summary>Go's <c>time.ParseDuration</c>; throws <see cref="FormatException"/> with Go's wording.</summary>
    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var value, out var error))
            return value;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    private static bool TryParse(string? text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        var quoted = "\"" + text + "\"";
        error = $"time: invalid duration {quoted}";
        if (string.IsNullOrEmpty(text))
            return false;
        var s = text.AsSpan();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s is "0")
        {
            error = null;
            return true;
        }
        if (s.IsEmpty)
            return false;
        decimal totalNanos = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                i++;
            if (i == 0 || !decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            s = s[i..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
                u++;
            if (u == 0)
            {
                error = $"time: missing unit in duration {quoted}";
                return false;
            }
            var unit = s[..u].ToString();
            s = s[u..];
            decimal? scale = unit switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => null,
            };
            if (scale is null)
            {
                error = $"time: unknown unit \"{unit}\" in duration {quoted}";
                return false;
            }
            totalNanos += number * scale.Value;
            if (totalNanos > (decimal)long.MaxValue)
                return false;
        }
        var ticks = (long)decimal.Round(totalNanos / NanosPerTick, MidpointRounding.ToZero);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        error = null;
        return true;
    }

    private static StringBuilder AppendFraction(StringBuilder sb, Int128 value, long unit, int digits)
    {
        sb.Append((value / unit).ToString(CultureInfo.InvariantCulture));
        var rest = value % unit;
        if (rest != 0)
            sb.Append('.').Append(rest.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0'));
        return sb;
    }
}
