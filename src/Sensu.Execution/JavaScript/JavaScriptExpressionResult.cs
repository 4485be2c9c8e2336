namespace Sensu.Execution.JavaScript;

/// <summary>
/// One expression's outcome under JavaScript truthiness (<c>ToBoolean</c>): <see cref="Value"/> is true or false, or,
/// when the expression could not be evaluated (syntax error, exception, time/statement/memory limit),
/// <see cref="Value"/> is null and <see cref="Error"/> names the expression and the cause.
/// </summary>
public sealed record JavaScriptExpressionResult(string Expression, bool? Value, string? Error)
{
    public bool Failed => Error is not null;
}
