using System.Globalization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// A daily window <c>{begin: "5:00 PM", end: "8:00 AM"}</c>. Times use Go's Kitchen layout (<c>3:04PM</c>) once
/// spaces are removed and are read in UTC; an end before the begin wraps over midnight (core-spec §2).
/// </summary>
public sealed class TimeWindowTimeRange
{
    public string Begin { get; set; } = "";

    public string End { get; set; } = "";

    public void Validate()
    {
        if (!TryParseKitchen(Begin, out _))
            throw new ResourceValidationException($"parsing time \"{Begin}\" as \"3:04PM\": invalid begin time");
        if (!TryParseKitchen(End, out _))
            throw new ResourceValidationException($"parsing time \"{End}\" as \"3:04PM\": invalid end time");
    }

    /// <summary>
    /// Parses <c>h:mmAM</c>/<c>h:mmPM</c> (spaces ignored, hour 0-12 with one or two digits, upper-case AM/PM)
    /// into the time of day.
    /// </summary>
    public static bool TryParseKitchen(string? text, out TimeSpan timeOfDay)
    {
        timeOfDay = default;
        if (text is null)
            return false;
        var s = text.Replace(" ", "", StringComparison.Ordinal);
        var colon = s.IndexOf(':');
        if (colon is < 1 or > 2 || s.Length != colon + 5)
            return false;
        var suffix = s[(colon + 3)..];
        if (suffix is not ("AM" or "PM"))
            return false;
        if (!int.TryParse(s[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 12)
            return false;
        var minutes = s.Substring(colon + 1, 2);
        if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
            return false;
        if (suffix == "PM" && hour < 12)
            hour += 12;
        else if (suffix == "AM" && hour == 12)
            hour = 0;
        timeOfDay = new TimeSpan(hour, minute, 0);
        return true;
    }
}
