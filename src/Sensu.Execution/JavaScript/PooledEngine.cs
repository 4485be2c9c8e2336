using System.Text.Json.Nodes;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Runtime;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// One Jint engine prepared for a library set: Sensu's helpers installed, libraries run, built-ins frozen and global
/// bindings locked (<see cref="SandboxHardening"/>). Used by one thread at a time; between uses the globals bound for a
/// call and anything a script added to the global object are removed (<see cref="TryReset"/>).
/// </summary>
internal sealed class PooledEngine : IDisposable
{
    private readonly OperationDeadlineConstraint _deadline;
    private readonly HashSet<string> _baseline;
    private readonly HashSet<JsValue> _baselineSymbols;
    private readonly int _baselineCount;

    private PooledEngine(Engine engine, OperationDeadlineConstraint deadline)
    {
        Engine = engine;
        _deadline = deadline;
        var keys = engine.Global.GetOwnPropertyKeys(Types.String | Types.Symbol);
        _baselineCount = keys.Count;
        _baseline = new HashSet<string>(keys.Where(static k => k.IsString()).Select(static k => k.ToString()), StringComparer.Ordinal);
        _baselineSymbols = new HashSet<JsValue>(keys.Where(static k => !k.IsString()), ReferenceEqualityComparer.Instance);
    }

    public Engine Engine { get; }

    public bool IsBaseline(string name) => _baseline.Contains(name);

    /// <summary>Builds and hardens an engine; libraries run under the call's time budget.</summary>
    public static PooledEngine Create(JavaScriptEngineOptions options, TimeProvider timeProvider, IReadOnlyList<CachedScript> libraries, CancellationToken cancellationToken)
    {
        var deadline = new OperationDeadlineConstraint();
        var engine = new Engine(o =>
        {
            o.Constraint(deadline);
            if (options.MaxStatements > 0) o.MaxStatements(options.MaxStatements);
            if (options.MemoryLimitBytes > 0) o.LimitMemory(options.MemoryLimitBytes);
            if (options.MaxRecursionDepth > 0) o.LimitRecursion(options.MaxRecursionDepth);
            if (options.MaxArraySize > 0) o.Constraints.MaxArraySize = options.MaxArraySize;
            o.TimeZone = TimeZoneInfo.Utc;
            o.Culture = System.Globalization.CultureInfo.InvariantCulture;
            o.Interop.Enabled = false;
        });
        try
        {
            SandboxHardening.RemoveUnneeded(engine);
            SensuFunctions.Install(engine, timeProvider);
            var builtins = engine.Global.GetOwnPropertyKeys(Types.String | Types.Symbol);
            if (libraries.Count > 0)
            {
                deadline.Begin(options.Timeout, cancellationToken);
                try
                {
                    foreach (var library in libraries)
                        engine.Execute(library.Prepared!.Value);
                }
                finally
                {
                    deadline.End();
                }
            }
            SandboxHardening.FreezeBuiltins(engine, builtins);
            SandboxHardening.LockGlobals(engine);
            return new PooledEngine(engine, deadline);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    public void Begin(TimeSpan budget, CancellationToken cancellationToken) => _deadline.Begin(budget, cancellationToken);

    public void End() => _deadline.End();

    public void Bind(JavaScriptScope scope)
    {
        foreach (var (name, value) in scope.Globals)
            Engine.SetValue(name, JsonNodeConverter.ToJsValue(Engine, value, scope.LiftMetadata));
        foreach (var (name, value) in scope.JsonGlobals)
            Engine.SetValue(name, JsonNodeConverter.ToJsValue(Engine, value, scope.LiftMetadata));
    }

    /// <summary>
    /// Removes every global that is not part of the baseline; false when one cannot be removed (the engine is then
    /// dropped). With <paramref name="onlyBound"/> (the call ran only <see cref="CachedScript.Inert"/> scripts on an
    /// engine without libraries, so nothing but the call's own globals can have been added) only those are removed,
    /// without listing the global object's keys.
    /// </summary>
    public bool TryReset(JavaScriptScope? onlyBound = null)
    {
        if (onlyBound is not null)
        {
            foreach (var name in onlyBound.Globals.Keys)
            {
                if (!Engine.Global.Delete(name))
                    return false;
            }
            foreach (var name in onlyBound.JsonGlobals.Keys)
            {
                if (!Engine.Global.Delete(name))
                    return false;
            }
            return true;
        }
        var keys = Engine.Global.GetOwnPropertyKeys(Types.String | Types.Symbol);
        if (keys.Count == _baselineCount)
            return true;
        foreach (var key in keys)
        {
            if (key.IsString() ? _baseline.Contains(key.ToString()) : _baselineSymbols.Contains(key))
                continue;
            if (!Engine.Global.Delete(key))
                return false;
        }
        return true;
    }

    public void Dispose() => Engine.Dispose();
}
