using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Sensu.Execution.JavaScript;

/// <summary>Turns what Jint throws into <see cref="JavaScriptEvaluationException"/>s that name the script and the cause.</summary>
internal static class JintErrors
{
    private const int MaxQuotedLength = 120;

    /// <summary><c>"source"</c>, on one line, shortened past 120 characters.</summary>
    public static string Quote(string? source)
    {
        var text = (source ?? "").ReplaceLineEndings(" ");
        return text.Length <= MaxQuotedLength ? $"\"{text}\"" : $"\"{text[..MaxQuotedLength]}…\"";
    }

    /// <summary>True when the engine may serve another call after <paramref name="error"/> (a script's own throw).</summary>
    public static bool LeavesEngineReusable(Exception error) => error is JavaScriptException;

    public static Exception Translate(Exception error, string subject, JavaScriptEngineOptions options, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException or ExecutionCanceledException && cancellationToken.IsCancellationRequested)
            return new OperationCanceledException($"evaluation of {subject} was cancelled", error, cancellationToken);
        var message = error switch
        {
            JavaScriptException js => $"{subject} threw {Thrown(js)}",
            TimeoutException => $"{subject} timed out after {options.Timeout.TotalSeconds:0.###} s",
            MemoryLimitExceededException => $"{subject} exceeded the memory limit of {options.MemoryLimitBytes} bytes",
            StatementsCountOverflowException => $"{subject} exceeded the limit of {options.MaxStatements} statements",
            RecursionDepthOverflowException => $"{subject} exceeded the recursion limit of {options.MaxRecursionDepth}",
            _ => $"{subject} failed: {error.Message}",
        };
        return new JavaScriptEvaluationException(message, error);
    }

    /// <summary>"TypeError: x is undefined", or the thrown value when it is not an Error.</summary>
    private static string Thrown(JavaScriptException error)
    {
        if (error.Error is ObjectInstance obj)
        {
            var name = obj.Get("name");
            var message = obj.Get("message");
            if (name.IsString() || message.IsString())
                return $"{(name.IsString() ? name.ToString() : "Error")}: {(message.IsString() ? message.ToString() : "")}";
        }
        return error.Error.IsUndefined() ? error.Message : $"{Describe(error.Error)}";
    }

    /// <summary>A short description of a value for messages: its type and, for numbers and strings, the value.</summary>
    public static string Describe(JsValue value)
    {
        if (value.IsNull()) return "null";
        if (value.IsUndefined()) return "undefined";
        var type = value.Type.ToString().ToLowerInvariant();
        if (!value.IsNumber() && !value.IsString() && !value.IsBoolean())
            return type;
        var text = value.ToString();
        return $"{type} {(text.Length > 40 ? text[..40] + "…" : text)}";
    }
}
