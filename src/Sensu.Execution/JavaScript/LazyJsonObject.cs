using System.Text.Json.Nodes;
using Jint;
using Jint.Native.Object;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// A plain JavaScript object (prototype <c>Object.prototype</c>, extensible, data properties) over a
/// <see cref="JsonObject"/> whose properties are made the first time anything looks at the object (a property read,
/// <c>in</c>, <c>Object.keys</c>, <c>JSON.stringify</c>...): Jint calls <see cref="Initialize"/> once before any
/// access to an object's own properties. A filter such as <c>event.check.status != 0</c> then converts the event,
/// its check and nothing more, instead of the whole tree with the entity and 21 history entries; the objects below
/// are shells until they are touched. To a script it is indistinguishable from an eagerly built object. With
/// <c>liftMetadata</c> (see <see cref="JavaScriptScope.LiftMetadata"/>) the fields of its <c>metadata</c> object
/// that it lacks are added after its own, each converted apart (as a copy would be).
/// </summary>
internal sealed class LazyJsonObject : ObjectInstance
{
    private JsonObject? _source;
    private readonly int _depth;
    private readonly bool _liftMetadata;

    public LazyJsonObject(Engine engine, JsonObject source, int depth, bool liftMetadata)
        : base(engine)
    {
        _source = source;
        _depth = depth;
        _liftMetadata = liftMetadata;
        Prototype = engine.Intrinsics.Object.PrototypeObject;
    }

    protected override void Initialize()
    {
        if (_source is not { } source)
            return;
        _source = null;
        foreach (var (key, child) in source)
            FastSetDataProperty(key, JsonNodeConverter.Convert(Engine, child, _depth + 1, _liftMetadata));
        if (!_liftMetadata || source["metadata"] is not JsonObject metadata)
            return;
        foreach (var (key, value) in metadata)
        {
            if (!source.ContainsKey(key))
                FastSetDataProperty(key, JsonNodeConverter.Convert(Engine, value, _depth + 1, _liftMetadata));
        }
    }
}
