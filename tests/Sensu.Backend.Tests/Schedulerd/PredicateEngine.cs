using System.Text.Json.Nodes;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>A JavaScript engine double at the edge: answers predicates with a C# function of the bound <c>entity</c>.</summary>
public sealed class PredicateEngine(Func<JsonObject, bool> predicate) : IJavaScriptEngine
{
    public List<string> Seen { get; } = [];

    public bool EvaluatePredicates(IReadOnlyList<string> expressions, JavaScriptScope scope, CancellationToken cancellationToken)
    {
        var entity = scope.Globals["entity"]!.AsObject();
        lock (Seen)
            Seen.Add(entity["name"]!.GetValue<string>());
        return predicate(entity);
    }

    public JsonNode? EvaluateScript(string script, JavaScriptScope scope, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
