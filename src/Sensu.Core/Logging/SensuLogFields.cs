using Microsoft.Extensions.Logging;

namespace Sensu.Core.Logging;

/// <summary>What both formatters derive from an entry: Sensu's component and level names, its time and its fields.</summary>
public static class SensuLogFields
{
    /// <summary>Keys a structured field may not take, being the entry's own.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "component", "level", "msg", "time", "error", "stack" };

    /// <summary>
    /// The component of a log category, as Sensu names it: the daemon folder of the backend
    /// (<c>Sensu.Backend.Agentd.AgentSession</c> is <c>agentd</c>, <c>Sensu.Backend.Pipeline.*</c> <c>pipelined</c>),
    /// <c>store</c> for the store providers, and <paramref name="program"/> for everything else (the host, the
    /// framework, the agent's own types).
    /// </summary>
    public static string Component(string category, string program)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (category.StartsWith("Sensu.Store", StringComparison.Ordinal))
            return "store";
        if (category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && program == "backend")
            return "apid";
        const string backend = "Sensu.Backend.";
        if (!category.StartsWith(backend, StringComparison.Ordinal))
            return program;
        var rest = category.AsSpan(backend.Length);
        var dot = rest.IndexOf('.');
        var folder = (dot < 0 ? rest : rest[..dot]).ToString();
        return folder switch
        {
            "Hosting" => program,
            "Pipeline" => "pipelined",
            "Authentication" or "Authorization" => "apid",
            _ => folder.ToLowerInvariant(),
        };
    }

    /// <summary>Sensu's (logrus') level names.</summary>
    public static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    /// <summary>RFC 3339 with the local offset and milliseconds.</summary>
    public static string Time(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The message template's named values, snake_case, without the template itself or reserved names.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Structured<TState>(TState state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs)
            yield break;
        foreach (var pair in pairs)
        {
            if (pair.Key.Length == 0 || pair.Key[0] == '{')
                continue;
            var key = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pair.Key);
            yield return new KeyValuePair<string, object?>(Reserved.Contains(key) ? key + "_field" : key, pair.Value);
        }
    }

    /// <summary>Whether an entry of <paramref name="level"/> carries its exception's stack.</summary>
    public static bool WithStack(LogLevel level, SensuLogFormatterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StackAtEveryLevel || level >= LogLevel.Error;
    }

    /// <summary>An exception's message on one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
