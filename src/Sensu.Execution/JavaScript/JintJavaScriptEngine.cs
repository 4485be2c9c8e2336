using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Jint.Native;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// <see cref="IJavaScriptEngine"/> on Jint. Sandbox: no CLR interop, and per call a wall-clock budget
/// (<see cref="JavaScriptEngineOptions.Timeout"/>, shared by the call's expressions; the caller's token observed too),
/// and per expression a statement budget, a memory budget and a recursion limit.
/// <para>Speed: every source is parsed once (<see cref="ScriptCache"/>) and engines are pooled per library set
/// (<see cref="EnginePool"/>): building an engine (built-ins materialised and frozen, libraries run) costs on the
/// order of a hundred evaluations, so each evaluating thread keeps reusing an idle engine.</para>
/// <para>Isolation between calls on a pooled engine: built-ins are frozen and global bindings locked when the engine
/// is built; the call's globals and any global a script adds are removed afterwards; an engine is dropped instead of
/// reused after a limit was hit, after cancellation, or after a script that declares top-level bindings.</para>
/// Thread-safe; one engine serves one call at a time.
/// </summary>
public sealed class JintJavaScriptEngine : IJavaScriptEngine, IDisposable
{
    private const int MaxLibrarySets = 64;

    private readonly JavaScriptEngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ScriptCache _scripts;
    private readonly ConcurrentDictionary<LibrarySetKey, EnginePool> _pools = new();
    private readonly ConditionalWeakTable<IReadOnlyList<string>, LibrarySetKey> _keys = new();

    public JintJavaScriptEngine(JavaScriptEngineOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new JavaScriptEngineOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _scripts = new ScriptCache(_options.MaxCachedScripts);
    }

    public bool EvaluatePredicates(IReadOnlyList<string> expressions, JavaScriptScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = new CachedScript[expressions.Count];
        for (var i = 0; i < parsed.Length; i++)
            parsed[i] = Parse(expressions[i], "expression");
        using var lease = Lease(scope, cancellationToken);
        for (var i = 0; i < parsed.Length; i++)
        {
            var subject = "expression " + JintErrors.Quote(expressions[i]);
            var value = lease.Evaluate(parsed[i], subject);
            if (value is not JsBoolean boolean)
                throw new JavaScriptEvaluationException($"{subject} returned {JintErrors.Describe(value)}, not a boolean");
            if (!Jint.Runtime.TypeConverter.ToBoolean(boolean))
                return false;
        }
        return true;
    }

    public IReadOnlyList<JavaScriptExpressionResult> EvaluateTruthiness(
        IReadOnlyList<string> expressions, JavaScriptScope scope, bool stopAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(scope);
        var results = new List<JavaScriptExpressionResult>(expressions.Count);
        EngineLease? lease = null;
        try
        {
            foreach (var expression in expressions)
            {
                CachedScript parsed;
                try
                {
                    parsed = Parse(expression, "expression");
                }
                catch (JavaScriptEvaluationException ex)
                {
                    results.Add(new(expression, null, ex.Message));
                    continue;
                }
                lease ??= Lease(scope, cancellationToken);
                bool value;
                try
                {
                    value = Jint.Runtime.TypeConverter.ToBoolean(lease.Evaluate(parsed, "expression " + JintErrors.Quote(expression)));
                }
                catch (JavaScriptEvaluationException ex)
                {
                    // The failed expression may have spent the call's budget or left the engine unusable: the next
                    // expression starts on a fresh lease (and a fresh budget).
                    results.Add(new(expression, null, ex.Message));
                    lease.Dispose();
                    lease = null;
                    continue;
                }
                results.Add(new(expression, value, null));
                if (value == stopAt)
                    break;
            }
        }
        finally
        {
            lease?.Dispose();
        }
        return results;
    }

    public JsonNode? EvaluateScript(string script, JavaScriptScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = Parse(script, "script");
        var subject = "script " + JintErrors.Quote(script);
        using var lease = Lease(scope, cancellationToken);
        return lease.ToJson(lease.Evaluate(parsed, subject), subject);
    }

    public void Dispose()
    {
        foreach (var pool in _pools.Values)
            pool.Dispose();
        _pools.Clear();
    }

    private CachedScript Parse(string source, string kind)
    {
        var parsed = _scripts.Get(source ?? "");
        if (parsed.SyntaxError is not null)
            throw new JavaScriptEvaluationException($"syntax error in {kind} {JintErrors.Quote(source)}: {parsed.SyntaxError}");
        return parsed;
    }

    private EngineLease Lease(JavaScriptScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pool = PoolFor(scope.Libraries);
        PooledEngine engine;
        try
        {
            engine = pool.Rent(_options, _timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is not JavaScriptEvaluationException)
        {
            throw JintErrors.Translate(ex, $"loading {pool.Libraries.Count} librar{(pool.Libraries.Count == 1 ? "y" : "ies")}", _options, cancellationToken);
        }
        return new EngineLease(pool, engine, scope, _options, cancellationToken);
    }

    private EnginePool PoolFor(IReadOnlyList<string> libraries)
    {
        var key = libraries.Count == 0 ? LibrarySetKey.Empty : _keys.GetValue(libraries, static l => new LibrarySetKey(l));
        if (_pools.TryGetValue(key, out var pool))
            return pool;
        var parsed = new CachedScript[key.Sources.Count];
        for (var i = 0; i < parsed.Length; i++)
            parsed[i] = Parse(key.Sources[i], $"library {i}");
        if (_pools.Count >= MaxLibrarySets)
            _pools.Clear();
        return _pools.GetOrAdd(key, _ => new EnginePool(parsed, _options.MaxIdleEnginesPerLibrarySet));
    }
}
