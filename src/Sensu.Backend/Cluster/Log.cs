using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Cluster;

internal static partial class Log
{
    [LoggerMessage(1040, LogLevel.Information, "backend {Backend} joined the cluster (api {ApiUrl})")]
    public static partial void Joined(ILogger logger, string backend, string apiUrl);

    [LoggerMessage(1041, LogLevel.Warning, "backend {Backend} left the cluster or stopped sending heartbeats")]
    public static partial void Lost(ILogger logger, string backend);

    [LoggerMessage(1042, LogLevel.Information, "backend {Backend} leads the cluster (fencing token {Token})")]
    public static partial void Leading(ILogger logger, string backend, long token);

    [LoggerMessage(1043, LogLevel.Warning, "backend {Backend} lost the leader lease")]
    public static partial void NoLongerLeading(ILogger logger, string backend);

    [LoggerMessage(1044, LogLevel.Error, "cluster heartbeat of backend {Backend} failed")]
    public static partial void RoundFailed(ILogger logger, string backend, Exception exception);

    [LoggerMessage(1045, LogLevel.Information, "backend {Backend} left the cluster")]
    public static partial void Left(ILogger logger, string backend);
}
