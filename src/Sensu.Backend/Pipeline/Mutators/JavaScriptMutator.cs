using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>
/// A JavaScript mutator (core-spec §5.4): <c>eval</c> runs as the body of a function with <c>event</c> bound (the
/// event's JSON, entity redacted) and each <c>env_vars</c> entry <c>K=V</c> as a global <c>K</c> (an entry without
/// <c>=</c> takes the backend's variable). A returned string is the handler's input as is; <c>undefined</c>/<c>null</c>
/// gives the JSON of the (possibly modified) <c>event</c>; anything else is "bad mutator result". <c>timeout</c>
/// (seconds) bounds the run ("mutator timeout reached, execution halted"). Secrets are not resolved (secrets-spec §4.1).
/// </summary>
public sealed class JavaScriptMutator(IJavaScriptEngine? engine = null) : IMutatorKind
{
    public string Type => Mutator.JavaScriptType;

    public ValueTask<byte[]> MutateAsync(Mutator mutator, Event ev, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Mutate(mutator, ev, cancellationToken));

    public byte[] Mutate(Mutator mutator, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutator);
        var name = mutator.Metadata.Name ?? "";
        if (engine is null)
            throw new PipelineStageException($"mutator {name}: JavaScript cannot be evaluated (no JavaScript engine registered)");
        var scope = new JavaScriptScope
        {
            Globals = { ["event"] = JsonSerializer.SerializeToNode(JsonMutator.Redacted(ev), SensuJsonContext.Default.Event) },
        };
        foreach (var entry in mutator.EnvVars)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? entry : entry[..eq];
            if (key.Length == 0 || key == "event")
                continue;
            scope.Globals[key] = eq < 0 ? Environment.GetEnvironmentVariable(key) : entry[(eq + 1)..];
        }
        var script = "(function () {\nvar __sensu_result = (function () {\n" + mutator.Eval + "\n}());\n" +
            "return (__sensu_result === undefined || __sensu_result === null) ? JSON.stringify(event) : __sensu_result;\n}())";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (mutator.Timeout > 0)
            timeout.CancelAfter(TimeSpan.FromSeconds(mutator.Timeout));
        JsonNode? result;
        try
        {
            result = engine.EvaluateScript(script, scope, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PipelineStageException($"mutator {name}: mutator timeout reached, execution halted");
        }
        catch (JavaScriptEvaluationException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PipelineStageException($"mutator {name}: mutator timeout reached, execution halted", ex);
        }
        catch (JavaScriptEvaluationException ex)
        {
            throw new PipelineStageException($"mutator {name}: {ex.Message}", ex);
        }
        if (result is JsonValue value && value.TryGetValue<string>(out var text))
            return Encoding.UTF8.GetBytes(text);
        throw new PipelineStageException($"mutator {name}: bad mutator result: expected a string, got {Describe(result)}");
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
