using Microsoft.Extensions.Logging;

namespace Sensu.Agent.Statsd;

/// <summary>StatsD log messages (agent 9400s).</summary>
internal static partial class Log
{
    [LoggerMessage(9400, LogLevel.Information, "statsd listening on {Address} (udp), flushing every {Interval}")]
    public static partial void Listening(ILogger logger, string address, TimeSpan interval);

    [LoggerMessage(9401, LogLevel.Debug, "statsd ignored {Count} invalid lines")]
    public static partial void InvalidLines(ILogger logger, int count);

    [LoggerMessage(9402, LogLevel.Debug, "statsd flushed {Count} points")]
    public static partial void Flushed(ILogger logger, int count);
}
