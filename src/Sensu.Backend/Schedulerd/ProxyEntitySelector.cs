using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// The entities a proxy check runs for (core-spec §3.1.1): every entity of the check's namespace for which all
/// <c>entity_attributes</c> expressions are true, with <c>entity</c> bound to the synthesized entity. An expression
/// that fails for an entity excludes that entity (logged).
/// </summary>
public sealed class ProxyEntitySelector(ResourceCache<Entity> entities, ILogger<ProxyEntitySelector> logger, IJavaScriptEngine? engine = null)
{
    public IReadOnlyList<Entity> Matching(CheckConfig check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var expressions = check.ProxyRequests?.EntityAttributes ?? [];
        var matches = new List<Entity>();
        foreach (var entity in entities.InNamespace(check.Metadata.Namespace ?? string.Empty).OrderBy(e => e.Metadata.Name, StringComparer.Ordinal))
        {
            if (expressions.Count == 0)
            {
                matches.Add(entity);
                continue;
            }
            if (engine is null)
            {
                Log.NoJavaScript(logger, check.Metadata.Name!);
                return [];
            }
            try
            {
                var scope = new JavaScriptScope { Globals = { ["entity"] = Synthesized.Entity(entity) } };
                if (engine.EvaluatePredicates(expressions, scope, cancellationToken))
                    matches.Add(entity);
            }
            catch (JavaScriptEvaluationException ex)
            {
                Log.ProxyAttributeFailed(logger, check.Metadata.Name!, entity.Metadata.Name!, ex.Message);
            }
        }
        return matches;
    }
}
