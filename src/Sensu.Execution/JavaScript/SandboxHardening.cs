using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// Applied once per pooled engine so that one evaluation cannot change what the next one sees:
/// <list type="bullet">
/// <item>globals no filter needs and that observe or share state outside the script are removed (<see cref="Removed"/>);</item>
/// <item>the built-ins (everything reachable from the globals that existed before libraries ran, through own
/// properties, accessors and prototypes) are frozen, so <c>Array.prototype.x = …</c> has no effect;</item>
/// <item>every global binding present after the libraries ran is made non-writable and non-configurable.</item>
/// </list>
/// Getters are never invoked. Library objects themselves are not frozen: a library may keep state in them, shared by
/// the evaluations of one engine (engines are pooled per library set, so only by the same library set).
/// The walk is done from C#: walking the ~600 built-in objects in script costs a hundred times more.
/// </summary>
internal static class SandboxHardening
{
    public static readonly string[] Removed =
    [
        "Intl", "Temporal", "ShadowRealm", "Atomics", "SharedArrayBuffer", "FinalizationRegistry", "WeakRef",
        "DisposableStack", "AsyncDisposableStack",
    ];

    public static void RemoveUnneeded(Engine engine)
    {
        foreach (var name in Removed)
            engine.Global.Delete(name);
    }

    /// <summary>Freezes, deeply, the values of the given global properties (the global object itself excepted).</summary>
    public static void FreezeBuiltins(Engine engine, IReadOnlyList<JsValue> builtinKeys)
    {
        var freeze = engine.Intrinsics.Object.Get("freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { engine.Global };
        var pending = new Stack<ObjectInstance>();
        foreach (var key in builtinKeys)
            Push(engine.Global.GetOwnProperty(key), pending, seen);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var key in current.GetOwnPropertyKeys(Types.String | Types.Symbol))
                Push(current.GetOwnProperty(key), pending, seen);
            if (current.Prototype is { } prototype && seen.Add(prototype))
                pending.Push(prototype);
            engine.Call(freeze, JsValue.Undefined, [current]);
        }
    }

    /// <summary>Makes every current global binding non-writable and non-configurable.</summary>
    public static void LockGlobals(Engine engine)
    {
        var global = engine.Global;
        foreach (var key in global.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            var descriptor = global.GetOwnProperty(key);
            if (descriptor == PropertyDescriptor.Undefined || !descriptor.Configurable)
                continue;
            var locked = descriptor.IsDataDescriptor()
                ? new PropertyDescriptor(descriptor.Value, writable: false, enumerable: descriptor.Enumerable, configurable: false)
                : new GetSetPropertyDescriptor(descriptor.Get, descriptor.Set, enumerable: descriptor.Enumerable, configurable: false);
            global.DefineOwnProperty(key, locked);
        }
    }

    private static void Push(PropertyDescriptor descriptor, Stack<ObjectInstance> pending, HashSet<ObjectInstance> seen)
    {
        if (descriptor == PropertyDescriptor.Undefined)
            return;
        if (descriptor.IsDataDescriptor())
        {
            Add(descriptor.Value, pending, seen);
            return;
        }
        Add(descriptor.Get, pending, seen);
        Add(descriptor.Set, pending, seen);
    }

    private static void Add(JsValue? value, Stack<ObjectInstance> pending, HashSet<ObjectInstance> seen)
    {
        if (value is ObjectInstance obj && seen.Add(obj))
            pending.Push(obj);
    }
}
