using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Emits a JSON tree as one YAML document with YamlDotNet, keys in JSON order. Strings that a YAML 1.1 reader
/// would take for something else (<c>"yes"</c>, <c>"60"</c>, <c>""</c>, dates) are quoted; multi-line strings use
/// literal blocks; empty maps and lists are written <c>{}</c> / <c>[]</c>.
/// </summary>
public static class JsonToYaml
{
    public static string Write(JsonNode? node)
    {
        using var text = new StringWriter();
        var emitter = new Emitter(text, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(Plain("null"));
                break;
            case JsonObject obj:
                var emptyMap = obj.Count == 0;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyMap ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(StringScalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                var emptyList = array.Count == 0;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyList ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                    Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                EmitValue(emitter, node.AsValue());
                break;
        }
    }

    private static void EmitValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                emitter.Emit(StringScalar(value.GetValue<string>()));
                break;
            case JsonValueKind.True:
                emitter.Emit(Plain("true"));
                break;
            case JsonValueKind.False:
                emitter.Emit(Plain("false"));
                break;
            case JsonValueKind.Number:
                emitter.Emit(Plain(value.ToJsonString()));
                break;
            default:
                emitter.Emit(Plain("null"));
                break;
        }
    }

    private static Scalar Plain(string text) =>
        new(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);

    private static Scalar StringScalar(string text)
    {
        if (YamlScalarResolver.NeedsQuoting(text))
            return new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true);
        var style = text.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true);
    }
}
