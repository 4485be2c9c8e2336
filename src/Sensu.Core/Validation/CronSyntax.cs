using System.Text.RegularExpressions;

namespace Sensu.Core.Validation;

/// <summary>
/// Syntax check for a check's <c>cron</c> string as robfig/cron's <c>ParseStandard</c> accepts it: an optional
/// <c>CRON_TZ=zone</c>/<c>TZ=zone</c> prefix, then five fields (minute hour day-of-month month day-of-week) or a
/// descriptor (<c>@hourly</c>, <c>@every 1h30m</c>, …). Computing schedules is the scheduler's job.
/// </summary>
public static partial class CronSyntax
{
    [GeneratedRegex(@"\A(?:[0-9]+(?:\.[0-9]*)?(?:ns|us|µs|ms|s|m|h))+\z")]
    private static partial Regex GoDurationRegex();

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>True when the string is a schedule Sensu would accept.</summary>
    public static bool IsValid(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
            return false;
        var text = spec.Trim();
        if (text.StartsWith("CRON_TZ=", StringComparison.Ordinal) || text.StartsWith("TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOfAny([' ', '\t']);
            if (space < 0)
                return false;
            var zone = text[(text.IndexOf('=') + 1)..space];
            if (zone.Length == 0)
                return false;
            text = text[space..].Trim();
        }
        if (text.StartsWith('@'))
            return IsDescriptor(text);
        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 5
            && IsField(fields[0], 0, 59, null, false)
            && IsField(fields[1], 0, 23, null, false)
            && IsField(fields[2], 1, 31, null, true)
            && IsField(fields[3], 1, 12, MonthNames, false)
            && IsField(fields[4], 0, 6, DayNames, true);
    }

    private static bool IsDescriptor(string text)
    {
        if (Descriptors.Contains(text, StringComparer.Ordinal))
            return true;
        const string every = "@every ";
        return text.StartsWith(every, StringComparison.Ordinal) && IsPositiveGoDuration(text[every.Length..].Trim());
    }

    private static bool IsField(string field, int min, int max, string[]? names, bool allowQuestion)
    {
        foreach (var part in field.Split(','))
        {
            if (!IsRange(part, min, max, names, allowQuestion))
                return false;
        }
        return true;
    }

    private static bool IsRange(string part, int min, int max, string[]? names, bool allowQuestion)
    {
        var slash = part.Split('/');
        if (slash.Length > 2)
            return false;
        if (slash.Length == 2 && (!int.TryParse(slash[1], out var step) || step <= 0))
            return false;
        var range = slash[0];
        if (range == "*" || (allowQuestion && range == "?"))
            return true;
        var bounds = range.Split('-');
        if (bounds.Length > 2)
            return false;
        if (!TryValue(bounds[0], min, max, names, out var low))
            return false;
        if (bounds.Length == 1)
            return true;
        return TryValue(bounds[1], min, max, names, out var high) && low <= high;
    }

    private static bool TryValue(string token, int min, int max, string[]? names, out int value)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + min;
                return true;
            }
        }
        return int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private static bool IsPositiveGoDuration(string text) =>
        GoDurationRegex().IsMatch(text) && text.Any(c => c is >= '1' and <= '9');
}
