using System.Text.Json.Nodes;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// Sandboxed JavaScript (Jint): no CLR access, time/statement/memory limits, Sensu's helper functions.
/// Used by event filters (<c>event</c>), asset and proxy-entity filters (<c>entity</c>) and JavaScript mutators.
/// Every failure (syntax, exception, limit hit, non-boolean predicate) is a <see cref="JavaScriptEvaluationException"/>
/// whose message names the expression and the cause.
/// </summary>
public interface IJavaScriptEngine
{
    /// <summary>True only when every expression evaluates to boolean true with <paramref name="scope"/> bound.</summary>
    bool EvaluatePredicates(IReadOnlyList<string> expressions, JavaScriptScope scope, CancellationToken cancellationToken);

    /// <summary>Runs a script and returns its completion value as JSON (null for undefined/null).</summary>
    JsonNode? EvaluateScript(string script, JavaScriptScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Event filter semantics (core-spec §5.3): evaluates <paramref name="expressions"/> in order, each coerced with
    /// JavaScript truthiness, and stops after the first whose value equals <paramref name="stopAt"/> (that result is
    /// included). An expression that fails gives a result with <see cref="JavaScriptExpressionResult.Error"/> and does
    /// not stop the others (each later expression gets a fresh time budget). Cancellation throws
    /// <see cref="OperationCanceledException"/>; a failure that concerns every expression (libraries, scope) throws
    /// <see cref="JavaScriptEvaluationException"/>.
    /// </summary>
    /// <remarks>The default implementation runs each expression through <see cref="EvaluateScript"/> and applies
    /// truthiness to the JSON result (functions, which have no JSON form, count as false there).</remarks>
    IReadOnlyList<JavaScriptExpressionResult> EvaluateTruthiness(
        IReadOnlyList<string> expressions, JavaScriptScope scope, bool stopAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(scope);
        var results = new List<JavaScriptExpressionResult>(expressions.Count);
        foreach (var expression in expressions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            JavaScriptExpressionResult result;
            try
            {
                result = new(expression, JsonTruthiness.Of(EvaluateScript(expression, scope, cancellationToken)), null);
            }
            catch (JavaScriptEvaluationException ex)
            {
                result = new(expression, null, ex.Message);
            }
            results.Add(result);
            if (result.Value == stopAt)
                break;
        }
        return results;
    }
}
