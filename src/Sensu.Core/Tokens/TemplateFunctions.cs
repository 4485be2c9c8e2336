using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>The functions Sensu tokens may call: <c>default</c>, <c>assetPath</c> and Go's built-in <c>index</c>.</summary>
internal static class TemplateFunctions
{
    public static bool IsDefined(string name) => name is "default" or "assetPath" or "index";

    public static TemplateValue Call(string name, IReadOnlyList<TemplateValue> args) => name switch
    {
        "default" => Default(args),
        "assetPath" => AssetPath(args),
        "index" => Index(args),
        _ => throw new TemplateExecutionException($"function \"{name}\" not defined"),
    };

    /// <summary>The environment variable name for an asset's directory: upper case, non-alphanumeric runs as <c>_</c>, plus <c>_PATH</c>.</summary>
    public static string AssetPathVariable(string assetName)
    {
        var name = new StringBuilder();
        var lastUnderscore = false;
        foreach (var c in assetName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(char.ToUpperInvariant(c));
                lastUnderscore = false;
            }
            else if (!lastUnderscore)
            {
                name.Append('_');
                lastUnderscore = true;
            }
        }
        return name.Append("_PATH").ToString();
    }

    private static TemplateValue Default(IReadOnlyList<TemplateValue> args) => args.Count switch
    {
        1 => Normalise(args[0]),
        2 => args[1].IsNil ? Normalise(args[0]) : args[1],
        _ => TemplateValue.Of(null),
    };

    private static TemplateValue Normalise(TemplateValue value) => value.IsMissing ? TemplateValue.Of(null) : value;

    private static TemplateValue AssetPath(IReadOnlyList<TemplateValue> args)
    {
        if (args.Count != 1)
            throw new TemplateExecutionException($"wrong number of args for assetPath: want 1 got {args.Count}");
        if (args[0].Node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            throw new TemplateExecutionException(
                $"wrong type for value; expected string; got {TemplateValueFormatter.GoTypeName(args[0].Node)}");
        return TemplateValue.Of(JsonValue.Create(AssetPathVariable(value.GetValue<string>())));
    }

    private static TemplateValue Index(IReadOnlyList<TemplateValue> args)
    {
        if (args.Count == 0)
            throw new TemplateExecutionException("wrong number of args for index: want at least 1 got 0");
        var current = args[0];
        foreach (var key in args.Skip(1))
        {
            if (current.IsNil)
                throw new TemplateExecutionException("index of untyped nil");
            current = (current.Node, key.Node) switch
            {
                (JsonObject obj, JsonValue k) when k.GetValueKind() == JsonValueKind.String =>
                    obj.TryGetPropertyValue(k.GetValue<string>(), out var child) ? TemplateValue.Of(child) : TemplateValue.Of(null),
                (JsonArray array, JsonValue k) when k.TryGetValue<long>(out var i) =>
                    i >= 0 && i < array.Count ? TemplateValue.Of(array[(int)i])
                        : throw new TemplateExecutionException($"error calling index: index out of range: {i}"),
                _ => throw new TemplateExecutionException(
                    $"error calling index: cannot index {TemplateValueFormatter.GoTypeName(current.Node)} with {TemplateValueFormatter.GoTypeName(key.Node)}"),
            };
        }
        return current;
    }
}
