using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Sensu.Core.Tokens;

/// <summary>
/// Sensu's token substitution (core-spec §8): the value is turned into JSON and every string value (keys untouched,
/// through objects and arrays) is rendered as a Go text/template against the synthesized entity.
/// Supported: <c>{{ .a.b }}</c>, <c>{{ .a.b | default "x" }}</c> (also numbers), <c>{{ assetPath "name" }}</c>,
/// <c>index</c>, parentheses, comments and the <c>{{-</c>/<c>-}}</c> trim markers.
/// </summary>
public static class TokenSubstitution
{
    /// <exception cref="TokenSubstitutionException">unmatched token, parse or execution error (Sensu's texts).</exception>
    public static T Substitute<T>(T value, JsonTypeInfo<T> info, JsonObject synthesizedEntity)
    {
        ArgumentNullException.ThrowIfNull(info);
        var node = JsonSerializer.SerializeToNode(value, info);
        var substituted = SubstituteNode(node, synthesizedEntity);
        return substituted is null ? value : substituted.Deserialize(info)!;
    }

    /// <summary>Substitutes every string value in a JSON tree (a new tree is returned; the input is not changed).</summary>
    /// <exception cref="TokenSubstitutionException">see <see cref="Substitute{T}"/>.</exception>
    public static JsonNode? SubstituteNode(JsonNode? node, JsonNode? data) => Walk("", node, data);

    /// <summary>Renders one string; <paramref name="key"/> names it in error messages.</summary>
    /// <exception cref="TokenSubstitutionException">see <see cref="Substitute{T}"/>.</exception>
    public static string SubstituteString(string key, string text, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("{{", StringComparison.Ordinal))
            return text;
        GoTemplate template;
        try
        {
            template = GoTemplate.Parse(key, text);
        }
        catch (TemplateParseException e)
        {
            throw new TokenSubstitutionException($"{key}: could not parse the template: {e.Message}", e);
        }
        TemplateRenderResult result;
        try
        {
            result = template.Render(data);
        }
        catch (TemplateExecutionException e)
        {
            throw new TokenSubstitutionException($"could not execute the template: {e.Message}", e);
        }
        if (result.Output.Contains(TemplateValueFormatter.NoValue, StringComparison.Ordinal))
        {
            throw new TokenSubstitutionException(result.FirstMissingKey is { } missing
                ? $"{key}: unmatched token: {missing}"
                : $"{key}: unmatched token: found an undefined value but could not identify the token");
        }
        return result.Output;
    }

    /// <summary>The variable name <c>{{ assetPath "name" }}</c> renders, e.g. <c>MY_ASSET_PATH</c>.</summary>
    public static string AssetPathVariable(string assetName)
    {
        ArgumentNullException.ThrowIfNull(assetName);
        return TemplateFunctions.AssetPathVariable(assetName);
    }

    private static JsonNode? Walk(string key, JsonNode? node, JsonNode? data)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj)
                    copy[name] = Walk(name, child, data);
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    try
                    {
                        items.Add(Walk(key, array[i], data));
                    }
                    catch (TokenSubstitutionException e)
                    {
                        throw new TokenSubstitutionException(
                            $"couldn't evaluate template for {key}: {e.Message} (array {i})", e);
                    }
                }
                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(SubstituteString(key, value.GetValue<string>(), data));
            default:
                return node?.DeepClone();
        }
    }
}
