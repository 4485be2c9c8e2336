using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// The global helpers Sensu gives filter expressions (core-spec §5.3 step 8): <c>hour</c>, <c>weekday</c> (Sunday = 0),
/// <c>minute</c>, <c>second</c> of a Unix timestamp in UTC, <c>seconds_since</c> (fractional seconds from the timestamp
/// to now), and the object <c>sensu</c>, which is empty in the open-source product. Called without an argument the
/// calendar helpers answer 0, as Sensu's do; a non-numeric argument counts as 0 (the epoch).
/// </summary>
internal static class SensuFunctions
{
    public static readonly string[] Names = ["hour", "weekday", "minute", "second", "seconds_since", "sensu"];

    public static void Install(Engine engine, TimeProvider timeProvider)
    {
        Calendar(engine, "hour", static t => t.Hour);
        Calendar(engine, "weekday", static t => (int)t.DayOfWeek);
        Calendar(engine, "minute", static t => t.Minute);
        Calendar(engine, "second", static t => t.Second);
        engine.SetValue("seconds_since", new ClrFunction(engine, "seconds_since", (_, args) =>
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            return new JsNumber(now - Seconds(args));
        }, 1));
        engine.SetValue("sensu", new JsObject(engine));
    }

    private static void Calendar(Engine engine, string name, Func<DateTimeOffset, int> part) =>
        engine.SetValue(name, new ClrFunction(engine, name, (_, args) =>
            args.Length == 0 ? new JsNumber(0) : new JsNumber(part(ToTime(Seconds(args)))), 1));

    private static double Seconds(JsValue[] args)
    {
        if (args.Length == 0)
            return 0;
        var n = TypeConverter.ToNumber(args[0]);
        return double.IsFinite(n) ? n : 0;
    }

    private static DateTimeOffset ToTime(double unixSeconds)
    {
        var whole = Math.Clamp(Math.Truncate(unixSeconds), -62_135_596_800d, 253_402_300_799d);
        return DateTimeOffset.FromUnixTimeSeconds((long)whole);
    }
}
