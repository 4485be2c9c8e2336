using System.Globalization;
using Sensu.Cli.Commands.Imperative;
using static Sensu.Cli.Commands.Imperative.FieldParse;
using SilencedEntry = Sensu.Core.Resources.Core.Silenced;

namespace Sensu.Cli.Commands.Silenced;

/// <summary>
/// The fields of <c>sensuctl silenced create|update</c> with Sensu's flags (<c>-e</c> expire, <c>-x</c> expire on resolve,
/// <c>-b</c> begin). The begin time is text until <see cref="Begin"/> turns it into Unix seconds with the CLI's clock.
/// </summary>
public static class SilencedForm
{
    public const string BeginFlag = "begin";

    public static ResourceForm<SilencedEntry> Build(bool editing) => new("Silenced",
    [
        .. editing ? [] : new FormField<SilencedEntry>[]
        {
            new("subscription", "s", "silence subscription", "Subscription", s => s.Subscription ?? "", (s, v) => s.Subscription = v.Length == 0 ? null : v),
            new("check", "c", "silence check", "Check", s => s.Check ?? "", (s, v) => s.Check = v.Length == 0 ? null : v),
        },
        new(BeginFlag, "b", "silence begin in human readable time (Format: Jan 02 2006 3:04PM MST)", "Begin time", _ => "now", (_, _) => { })
        {
            Default = "0",
            Check = v => TryParseBegin(v, TimeProvider.System, out _) ? null : "use now, or a time such as Jan 02 2006 3:04PM UTC",
        },
        new("expire", "e", "expiry in seconds", "Expiry in Seconds", s => s.Expire.ToString(CultureInfo.InvariantCulture), (s, v) => s.Expire = v.Length == 0 ? -1 : Long(v, "expire"))
        {
            Default = "-1",
        },
        new("expire-on-resolve", "x", "clear silenced entry on resolution", "Expire on Resolve", s => Text(s.ExpireOnResolve), (s, v) => s.ExpireOnResolve = Bool(v, "expire on resolve"))
        {
            IsBool = true, Default = "false",
        },
        new("reason", "r", "reason for the silenced entry", "Reason", s => s.Reason ?? "", (s, v) => s.Reason = v.Length == 0 ? null : v),
    ]);

    /// <summary>Sets <see cref="SilencedEntry.Begin"/> from the answer: <c>0</c> or <c>now</c> is the current time.</summary>
    public static void Begin(SilencedEntry entry, string value, TimeProvider time)
    {
        if (!TryParseBegin(value, time, out var begin))
            throw new CliException($"invalid begin time \"{value}\": use now, or a time such as Jan 02 2006 3:04PM UTC");
        entry.Begin = begin;
    }

    private static bool TryParseBegin(string value, TimeProvider time, out long unix)
    {
        unix = 0;
        if (value is "" or "0" or "now")
        {
            unix = time.GetUtcNow().ToUnixTimeSeconds();
            return true;
        }
        var text = value.EndsWith(" UTC", StringComparison.Ordinal) || value.EndsWith(" GMT", StringComparison.Ordinal) ? value[..^4] + " +00:00" : value;
        string[] layouts = ["MMM dd yyyy h:mmtt zzz", "MMM dd yyyy h:mmtt", "MMM d yyyy h:mmtt zzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd HH:mm:ss zzz"];
        if (!DateTimeOffset.TryParseExact(text, layouts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
            return false;
        unix = parsed.ToUnixTimeSeconds();
        return true;
    }
}
