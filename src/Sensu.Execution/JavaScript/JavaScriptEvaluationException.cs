namespace Sensu.Execution.JavaScript;

/// <summary>A script failed: syntax error, exception, time or memory limit, or a predicate that is not boolean.</summary>
public sealed class JavaScriptEvaluationException : Exception
{
    public JavaScriptEvaluationException(string message) : base(message) { }

    public JavaScriptEvaluationException(string message, Exception inner) : base(message, inner) { }

    public JavaScriptEvaluationException() { }
}
