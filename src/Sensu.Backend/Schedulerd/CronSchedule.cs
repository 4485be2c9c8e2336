using System.Globalization;
using Cronos;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// A check's <c>cron</c> (robfig/cron's standard syntax as Sensu uses it): five fields or a descriptor
/// (<c>@hourly</c>, <c>@every 30s</c>...), with an optional <c>CRON_TZ=Zone</c> or <c>TZ=Zone</c> prefix; without
/// one the backend's local zone applies, as in Sensu. Parsing and next occurrences come from Cronos.
/// </summary>
public sealed class CronSchedule : ICheckSchedule
{
    private readonly CronExpression? _expression;
    private readonly TimeSpan? _every;

    private CronSchedule(CronExpression? expression, TimeSpan? every, TimeZoneInfo zone)
    {
        _expression = expression;
        _every = every;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <exception cref="FormatException">the expression or the zone is not valid.</exception>
    public static CronSchedule Parse(string spec, TimeZoneInfo? localZone = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var zone = localZone ?? TimeZoneInfo.Local;
        if (text.StartsWith("CRON_TZ=", StringComparison.Ordinal) || text.StartsWith("TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOfAny([' ', '\t']);
            if (space < 0)
                throw new FormatException($"cron spec \"{spec}\" has a time zone but no schedule");
            var id = text[(text.IndexOf('=') + 1)..space];
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new FormatException($"unknown time zone {id}", ex);
            }
            text = text[space..].Trim();
        }
        if (text.StartsWith("@every", StringComparison.Ordinal))
            return new CronSchedule(null, ParseGoDuration(text["@every".Length..].Trim()), zone);
        try
        {
            return new CronSchedule(CronExpression.Parse(text, CronFormat.Standard), null, zone);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    public TimeSpan? NextDelay(DateTimeOffset now)
    {
        if (_every is { } every)
            return every;
        var next = _expression!.GetNextOccurrence(now, Zone);
        return next is { } at ? at - now : null;
    }

    /// <summary>Time to the next run; if that is under 5 s, the run after (Sensu's proxy splay window for cron).</summary>
    public TimeSpan Period(DateTimeOffset now)
    {
        if (NextDelay(now) is not { } first)
            return TimeSpan.Zero;
        if (first >= TimeSpan.FromSeconds(5))
            return first;
        return NextDelay(now + first) is { } second ? first + second : first;
    }

    /// <summary>A Go duration such as <c>1h30m</c>, <c>90s</c>, <c>500ms</c>.</summary>
    private static TimeSpan ParseGoDuration(string text)
    {
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                i++;
            if (start == i || !double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"invalid duration \"{text}\"");
            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]))
                i++;
            total += text[unitStart..i] switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                "ns" => TimeSpan.FromTicks((long)(value / 100)),
                _ => throw new FormatException($"invalid duration \"{text}\""),
            };
        }
        if (total <= TimeSpan.Zero)
            throw new FormatException($"invalid duration \"{text}\"");
        return total;
    }
}
