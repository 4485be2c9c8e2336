namespace Sensu.Core.Logging;

/// <summary>The values of <c>--log-format</c>: Sensu's JSON lines (the default) or one human line per entry.</summary>
public static class SensuLogFormat
{
    public const string Json = "json";

    public const string Text = "text";

    public static IReadOnlyList<string> Names { get; } = [Json, Text];
}
