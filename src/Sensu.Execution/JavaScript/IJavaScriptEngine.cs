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
}
