using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Reads YAML with YamlDotNet into JSON trees, typing scalars like Go's yaml.v2 (<see cref="YamlScalarResolver"/>):
/// quoted and block scalars stay strings, plain ones are resolved, mapping keys become strings. Merge keys
/// (<c>&lt;&lt;: *anchor</c>) and aliases are expanded.
/// </summary>
internal static class YamlToJson
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>One YAML document of a chunk: its tree and its 1-based line inside the chunk.</summary>
    internal readonly record struct Document(JsonNode? Root, int Line);

    /// <summary>Parses every document in <paramref name="yaml"/>.</summary>
    /// <exception cref="YamlException">Syntax error, or a value JSON cannot hold.</exception>
    public static IReadOnlyList<Document> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new Parser(new StringReader(yaml)));
        var documents = new List<Document>(stream.Documents.Count);
        foreach (var doc in stream.Documents)
        {
            var root = doc.RootNode;
            documents.Add(new Document(Convert(root), (int)root.Start.Line));
        }
        return documents;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ConvertScalar(scalar),
        YamlSequenceNode sequence => ConvertSequence(sequence),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonArray ConvertSequence(YamlSequenceNode sequence)
    {
        var array = new JsonArray();
        foreach (var child in sequence.Children)
            array.Add(Convert(child));
        return array;
    }

    /// <summary>Explicit keys win over merged ones (<c>&lt;&lt;</c>), whatever their order, as in yaml.v2.</summary>
    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (IsMergeKey(keyNode))
                Merge(obj, valueNode);
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (IsMergeKey(keyNode))
                continue;
            if (keyNode is not YamlScalarNode keyScalar)
                throw new YamlException(keyNode.Start, keyNode.End, "mapping keys must be scalars");
            obj[KeyString(keyScalar)] = Convert(valueNode);
        }
        return obj;
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Style: ScalarStyle.Plain, Value: "<<" };

    private static void Merge(JsonObject target, YamlNode source)
    {
        var sources = source is YamlSequenceNode list ? list.Children : [source];
        foreach (var item in sources)
        {
            if (item is not YamlMappingNode mapping)
                throw new YamlException(item.Start, item.End, "map merge requires a map or a sequence of maps as the value");
            foreach (var (key, value) in ConvertMapping(mapping).ToList())
            {
                if (!target.ContainsKey(key))
                    target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag == StrTag)
            return JsonValue.Create(text);
        try
        {
            return YamlScalarResolver.Resolve(text);
        }
        catch (FormatException ex)
        {
            throw new YamlException(scalar.Start, scalar.End, ex.Message);
        }
    }

    /// <summary>Keys are stringified the way ghodss/yaml does: <c>on:</c> becomes <c>"true"</c>, <c>1:</c> becomes <c>"1"</c>.</summary>
    private static string KeyString(YamlScalarNode key)
    {
        var value = ConvertScalar(key);
        if (value is null)
            return "null";
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
    }
}
