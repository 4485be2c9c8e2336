using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>Handler log messages, event ids 4300–4399. Never an environment; output always scrubbed.</summary>
internal static partial class Log
{
    [LoggerMessage(4300, LogLevel.Information, "handler does not exist, will be ignored: handler {Handler} in namespace {Namespace}")]
    public static partial void HandlerMissing(ILogger logger, string handler, string @namespace);

    [LoggerMessage(4301, LogLevel.Error, "handler does not exist, will be ignored: handler {Handler} (member of set {Set}) in namespace {Namespace}")]
    public static partial void SetMemberMissing(ILogger logger, string handler, string set, string @namespace);

    [LoggerMessage(4302, LogLevel.Error, "failed to expand handler set {Handler}: handler sets cannot be deeply nested (more than {Depth} levels)")]
    public static partial void HandlerSetTooDeep(ILogger logger, string handler, int depth);

    [LoggerMessage(4303, LogLevel.Information, "event pipe handler executed: handler {Handler}, status {Status}, output {Output}")]
    public static partial void PipeHandlerRan(ILogger logger, string handler, int status, string output);

    [LoggerMessage(4304, LogLevel.Error, "event pipe handler returned non ok status code: handler {Handler}, status {Status}, output {Output}")]
    public static partial void PipeHandlerNonZero(ILogger logger, string handler, int status, string output);

    [LoggerMessage(4305, LogLevel.Error, "event pipe handler {Handler} timed out after {Timeout}s and was killed (event {Key})")]
    public static partial void PipeHandlerTimedOut(ILogger logger, string handler, uint timeout, string key);

    [LoggerMessage(4306, LogLevel.Information, "event socket handler executed: {Type} handler {Handler} sent {Bytes} bytes to {Address}")]
    public static partial void SocketHandlerSentCore(ILogger logger, string type, string handler, int bytes, string address);

    [LoggerMessage(4307, LogLevel.Error, "handler {Handler} of set {Set} failed for event {Key}: {Reason}")]
    public static partial void SetMemberFailed(ILogger logger, string handler, string set, string key, string reason);

    public static void SocketHandlerSent(ILogger logger, string type, string handler, string address, int bytes) =>
        SocketHandlerSentCore(logger, type, handler, bytes, address);
}
