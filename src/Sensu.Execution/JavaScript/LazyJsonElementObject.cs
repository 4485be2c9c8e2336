using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// A plain JavaScript object over an object of a parsed <see cref="JsonDocument"/> (a global of
/// <see cref="JavaScriptScope.JsonGlobals"/>), read straight from the document without a <c>JsonNode</c> tree in
/// between. Like <see cref="LazyJsonObject"/>, its properties are made the first time something needs them all (a
/// write, <c>in</c>, <c>Object.keys</c>, <c>JSON.stringify</c>...; Jint calls <see cref="Initialize"/> once). Before
/// that, reading one property by name converts that property alone and remembers it, so that
/// <c>event.check.status</c> converts three values, and the object later made whole holds the same child objects
/// (<c>event.check === event.check</c>). With <c>liftMetadata</c> the fields of its <c>metadata</c> object that it
/// lacks are added after its own, each converted apart (as a copy would be). A name the document holds twice reads
/// as its last value, as on a <c>JsonObject</c>.
/// </summary>
internal sealed class LazyJsonElementObject : ObjectInstance
{
    private readonly JsonElement _source;
    private readonly int _depth;
    private readonly bool _liftMetadata;
    private bool _pending = true;
    private Dictionary<string, JsValue>? _read;

    public LazyJsonElementObject(Engine engine, JsonElement source, int depth, bool liftMetadata)
        : base(engine)
    {
        _source = source;
        _depth = depth;
        _liftMetadata = liftMetadata;
        Prototype = engine.Intrinsics.Object.PrototypeObject;
    }

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (_pending && ReferenceEquals(receiver, this) && property is JsString name && TryRead(name.ToString(), out var value))
            return value;
        return base.Get(property, receiver);
    }

    /// <summary>An own (or lifted) property read before the object is made whole; false when it has none of that name.</summary>
    private bool TryRead(string name, out JsValue value)
    {
        if (_read is not null && _read.TryGetValue(name, out value!))
            return true;
        if (_source.TryGetProperty(name, out var child)
            || (_liftMetadata && Metadata() is { } metadata && metadata.TryGetProperty(name, out child)))
        {
            value = JsonNodeConverter.ConvertElement(Engine, child, _depth + 1, _liftMetadata);
            (_read ??= new Dictionary<string, JsValue>(StringComparer.Ordinal))[name] = value;
            return true;
        }
        value = JsValue.Undefined;
        return false;
    }

    protected override void Initialize()
    {
        if (!_pending)
            return;
        _pending = false;
        foreach (var property in _source.EnumerateObject())
            FastSetDataProperty(property.Name, Converted(property.Name, _source));
        if (Metadata() is { } metadata)
        {
            foreach (var property in metadata.EnumerateObject())
            {
                if (!_source.TryGetProperty(property.Name, out _))
                    FastSetDataProperty(property.Name, Converted(property.Name, metadata));
            }
        }
        _read = null;
    }

    /// <summary>The value of <paramref name="name"/> in <paramref name="container"/>, the one already handed out if any.</summary>
    private JsValue Converted(string name, JsonElement container)
    {
        if (_read is not null && _read.TryGetValue(name, out var read))
            return read;
        // TryGetProperty, not the enumerated value: a name held twice converts for its last value, as TryRead reads it.
        container.TryGetProperty(name, out var value);
        return JsonNodeConverter.ConvertElement(Engine, value, _depth + 1, _liftMetadata);
    }

    private JsonElement? Metadata() =>
        _liftMetadata && _source.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? metadata : null;
}
