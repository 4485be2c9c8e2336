using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipelined;

/// <summary>Pipelined log messages, event ids 4000–4999. Never an environment, always scrubbed output.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "handler does not exist, will be ignored: handler {Handler} in namespace {Namespace}")]
    public static partial void HandlerMissing(ILogger logger, string handler, string @namespace);

    [LoggerMessage(4001, LogLevel.Error, "failed to expand handler set {Handler}: handler sets cannot be deeply nested (more than {Depth} levels)")]
    public static partial void HandlerSetTooDeep(ILogger logger, string handler, int depth);

    [LoggerMessage(4002, LogLevel.Information, "event filtered by {Filter}: handler {Handler}, event {Key}")]
    public static partial void EventFiltered(ILogger logger, string filter, string handler, string key);

    [LoggerMessage(4003, LogLevel.Warning, "filter {Filter} of handler {Handler} is unknown or not supported yet, skipping the handler")]
    public static partial void FilterUnsupported(ILogger logger, string filter, string handler);

    [LoggerMessage(4004, LogLevel.Warning, "mutator {Mutator} of handler {Handler} is unknown or not supported yet, skipping the handler")]
    public static partial void MutatorUnsupported(ILogger logger, string mutator, string handler);

    [LoggerMessage(4005, LogLevel.Error, "handler {Handler} not run: cannot resolve secret {Secret} (provider {Provider}): {Reason}")]
    public static partial void SecretFailed(ILogger logger, string handler, string secret, string provider, string reason);

    [LoggerMessage(4006, LogLevel.Information, "event pipe handler executed: handler {Handler}, status {Status}, output {Output}")]
    public static partial void PipeHandlerRan(ILogger logger, string handler, int status, string output);

    [LoggerMessage(4007, LogLevel.Warning, "handler {Handler} of type {Type} is not supported yet")]
    public static partial void HandlerTypeUnsupported(ILogger logger, string handler, string type);

    [LoggerMessage(4008, LogLevel.Error, "error handling event {Key} with handler {Handler}")]
    public static partial void HandlerFailed(ILogger logger, string key, string handler, Exception exception);

    [LoggerMessage(4009, LogLevel.Warning, "pipelined stopping: {Dropped} queued events were not handled")]
    public static partial void Dropped(ILogger logger, int dropped);

    [LoggerMessage(4010, LogLevel.Information, "event sent to {Type} handler {Handler} at {Address}")]
    public static partial void SocketHandlerSent(ILogger logger, string type, string handler, string address);
}
