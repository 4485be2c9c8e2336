using System.Text;
using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>A parsed template (Go text/template subset) that renders against JSON data.</summary>
internal sealed class GoTemplate
{
    private readonly string _name;
    private readonly string _text;
    private readonly IReadOnlyList<TemplateNode> _nodes;

    private GoTemplate(string name, string text, IReadOnlyList<TemplateNode> nodes)
    {
        _name = name;
        _text = text;
        _nodes = nodes;
    }

    /// <exception cref="TemplateParseException">the text does not parse.</exception>
    public static GoTemplate Parse(string name, string text) => new(name, text, TemplateParser.Parse(name, text));

    /// <summary>True when the text has no action at all (rendering would return it unchanged).</summary>
    public bool IsPlainText => _nodes.All(n => n is TemplateTextNode);

    /// <exception cref="TemplateExecutionException">a field of a non-map value, a bad function call, ...</exception>
    public TemplateRenderResult Render(JsonNode? data)
    {
        var evaluator = new TemplateEvaluator(this, data);
        var output = new StringBuilder();
        foreach (var node in _nodes)
        {
            switch (node)
            {
                case TemplateTextNode text:
                    output.Append(text.Text);
                    break;
                case TemplateActionNode action:
                    output.Append(TemplateValueFormatter.Print(evaluator.EvaluatePipeline(action.Pipeline, null)));
                    break;
            }
        }
        return new TemplateRenderResult(output.ToString(), evaluator.FirstMissingKey);
    }

    /// <summary>Go's error context prefix: <c>template: name:line:col: executing "name" at &lt;text&gt;: </c>.</summary>
    internal string Context(TemplateOperand operand)
    {
        var before = _text.AsSpan(0, Math.Min(operand.Position, _text.Length));
        var line = 1 + before.Count('\n');
        var lastNewline = before.LastIndexOf('\n');
        var column = lastNewline < 0 ? operand.Position : operand.Position - (lastNewline + 1);
        return $"template: {_name}:{line}:{column}: executing \"{_name}\" at <{operand.Text}>: ";
    }
}
