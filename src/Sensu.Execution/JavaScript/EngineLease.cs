using System.Text.Json.Nodes;
using Jint.Native;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// One call's hold on a pooled engine: the call's globals bound, its time budget armed. Disposing disarms the budget
/// and returns the engine to its pool when it is still clean, or disposes it.
/// </summary>
internal sealed class EngineLease : IDisposable
{
    private readonly EnginePool _pool;
    private readonly PooledEngine _engine;
    private readonly JavaScriptEngineOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly JavaScriptScope _scope;
    private bool _reusable = true;
    private bool _inert;

    public EngineLease(EnginePool pool, PooledEngine engine, JavaScriptScope scope, JavaScriptEngineOptions options, CancellationToken cancellationToken)
    {
        _pool = pool;
        _engine = engine;
        _options = options;
        _cancellationToken = cancellationToken;
        _scope = scope;
        _inert = pool.Libraries.Count == 0;
        foreach (var name in scope.Globals.Keys)
            Refuse(engine, name, scope.JsonGlobals.ContainsKey(name));
        foreach (var name in scope.JsonGlobals.Keys)
            Refuse(engine, name, twice: false);
        engine.Begin(options.Timeout, cancellationToken);
        try
        {
            engine.Bind(scope);
        }
        catch
        {
            engine.End();
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Throws (dropping the engine) when a global would shadow a baseline binding or is given twice.</summary>
    private static void Refuse(PooledEngine engine, string name, bool twice)
    {
        if (!engine.IsBaseline(name) && !twice)
            return;
        engine.Dispose();
        throw new JavaScriptEvaluationException(twice
            ? $"global \"{name}\" is given twice"
            : $"global \"{name}\" would replace a built-in or library binding");
    }

    /// <summary>Runs a parsed script; failures become <see cref="JavaScriptEvaluationException"/> naming <paramref name="subject"/>.</summary>
    public JsValue Evaluate(CachedScript script, string subject)
    {
        if (script.DeclaresGlobals)
            _reusable = false;
        _inert &= script.Inert;
        return Guard(script, subject, static (engine, s) => engine.Evaluate(s.Prepared!.Value));
    }

    /// <summary>The value as JSON (JSON.stringify semantics: <c>toJSON</c> runs, under the same limits).</summary>
    public JsonNode? ToJson(JsValue value, string subject) =>
        Guard(value, subject, static (engine, v) => JsonNodeConverter.ToJsonNode(engine, v));

    private TResult Guard<TState, TResult>(TState state, string subject, Func<Jint.Engine, TState, TResult> action)
    {
        try
        {
            return action(_engine.Engine, state);
        }
        catch (Exception ex) when (ex is not JavaScriptEvaluationException)
        {
            _reusable &= JintErrors.LeavesEngineReusable(ex);
            throw JintErrors.Translate(ex, subject, _options, _cancellationToken);
        }
    }

    public void Dispose()
    {
        _engine.End();
        if (_reusable && _engine.TryReset(_inert ? _scope : null))
            _pool.Return(_engine);
        else
            _engine.Dispose();
    }
}
