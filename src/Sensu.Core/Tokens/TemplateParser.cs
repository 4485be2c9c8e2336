using System.Globalization;
using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>
/// Parses the subset of Go text/template that Sensu tokens use: text, <c>{{ pipeline }}</c> actions with fields,
/// constants, functions and parentheses, comments and the <c>{{-</c> / <c>-}}</c> trim markers.
/// Control actions (if, range, with, ...) are refused with a parse error.
/// </summary>
internal sealed class TemplateParser
{
    private static readonly HashSet<string> Keywords =
        ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"];

    private readonly string _text;
    private readonly TemplateLexer _lexer;
    private List<TemplateToken> _tokens = [];
    private int _index;

    private TemplateParser(string name, string text)
    {
        _text = text;
        _lexer = new TemplateLexer(name, text);
    }

    public static IReadOnlyList<TemplateNode> Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TemplateParser(name, text).ParseAll();
    }

    private List<TemplateNode> ParseAll()
    {
        var nodes = new List<TemplateNode>();
        var pos = 0;
        var trimNextText = false;
        while (pos <= _text.Length)
        {
            var open = _text.IndexOf("{{", pos, StringComparison.Ordinal);
            var segment = open < 0 ? _text[pos..] : _text[pos..open];
            if (trimNextText)
                segment = segment.TrimStart(' ', '\t', '\r', '\n');
            if (open < 0)
            {
                AddText(nodes, segment);
                break;
            }
            var inside = open + 2;
            if (inside + 1 < _text.Length && _text[inside] == '-' && TemplateLexer.IsSpace(_text[inside + 1]))
            {
                segment = segment.TrimEnd(' ', '\t', '\r', '\n');
                inside += 2;
            }
            AddText(nodes, segment);
            (pos, trimNextText) = StartsAt(inside, "/*") ? SkipComment(inside) : ParseAction(inside, nodes);
        }
        return nodes;
    }

    private static void AddText(List<TemplateNode> nodes, string segment)
    {
        if (segment.Length > 0)
            nodes.Add(new TemplateTextNode(segment));
    }

    private bool StartsAt(int pos, string value) =>
        pos + value.Length <= _text.Length && string.CompareOrdinal(_text, pos, value, 0, value.Length) == 0;

    private (int End, bool TrimRight) SkipComment(int start)
    {
        var close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
            throw _lexer.Error(start, "unclosed comment");
        var after = close + 2;
        if (StartsAt(after, "}}"))
            return (after + 2, false);
        if (after < _text.Length && TemplateLexer.IsSpace(_text[after]) && StartsAt(after + 1, "-}}"))
            return (after + 4, true);
        throw _lexer.Error(start, "comment ends before closing delimiter");
    }

    private (int End, bool TrimRight) ParseAction(int start, List<TemplateNode> nodes)
    {
        var (tokens, end, trimRight) = _lexer.LexAction(start);
        _tokens = tokens;
        _index = 0;
        if (tokens.Count == 0)
            throw _lexer.Error(start, "missing value for command");
        if (tokens[0].Kind == TemplateTokenKind.Identifier && Keywords.Contains(tokens[0].Text))
            throw _lexer.Error(start,
                $"unsupported action \"{tokens[0].Text}\" (tokens support fields, default, assetPath and index)");
        var pipeline = ParsePipeline(start);
        if (_index < _tokens.Count)
            throw _lexer.Error(_tokens[_index].Position, $"unexpected \"{_tokens[_index].Text}\" in command");
        nodes.Add(new TemplateActionNode(pipeline, tokens[0].Position));
        return (end, trimRight);
    }

    private TemplatePipeline ParsePipeline(int position)
    {
        var commands = new List<TemplateCommand>();
        while (true)
        {
            var commandStart = _index < _tokens.Count ? _tokens[_index].Position : position;
            var operands = new List<TemplateOperand>();
            while (_index < _tokens.Count && _tokens[_index].Kind is not (TemplateTokenKind.Pipe or TemplateTokenKind.RightParen))
                operands.Add(ParseOperand());
            if (operands.Count == 0)
                throw _lexer.Error(commandStart, "missing value for command");
            commands.Add(new TemplateCommand(operands, commandStart));
            if (_index < _tokens.Count && _tokens[_index].Kind == TemplateTokenKind.Pipe)
            {
                _index++;
                continue;
            }
            return new TemplatePipeline(commands, position);
        }
    }

    private TemplateOperand ParseOperand()
    {
        var token = _tokens[_index++];
        switch (token.Kind)
        {
            case TemplateTokenKind.Field:
                return new TemplateFieldOperand(token.Value.Split('\u0000'), false, token.Position, token.Text);
            case TemplateTokenKind.Dot:
                return new TemplateFieldOperand([], false, token.Position, token.Text);
            case TemplateTokenKind.Root:
                return new TemplateFieldOperand(
                    token.Value.Length == 0 ? [] : token.Value.Split('\u0000'), true, token.Position, token.Text);
            case TemplateTokenKind.String:
                return new TemplateLiteralOperand(JsonValue.Create(token.Value), token.Position, token.Text);
            case TemplateTokenKind.Bool:
                return new TemplateLiteralOperand(JsonValue.Create(token.Text == "true"), token.Position, token.Text);
            case TemplateTokenKind.Nil:
                return new TemplateLiteralOperand(null, token.Position, token.Text);
            case TemplateTokenKind.Number:
                return new TemplateLiteralOperand(NumberValue(token.Text), token.Position, token.Text);
            case TemplateTokenKind.Identifier:
                if (Keywords.Contains(token.Text))
                    throw _lexer.Error(token.Position, $"unexpected <{token.Text}> in command");
                if (!TemplateFunctions.IsDefined(token.Text))
                    throw _lexer.Error(token.Position, $"function \"{token.Text}\" not defined");
                return new TemplateFunctionOperand(token.Text, token.Position);
            case TemplateTokenKind.LeftParen:
                var inner = ParsePipeline(token.Position);
                if (_index >= _tokens.Count || _tokens[_index].Kind != TemplateTokenKind.RightParen)
                    throw _lexer.Error(token.Position, "unclosed left paren");
                var end = _tokens[_index++];
                return new TemplateSubPipelineOperand(inner, token.Position, _text[token.Position..(end.Position + 1)]);
            default:
                throw _lexer.Error(token.Position, $"unexpected \"{token.Text}\" in operand");
        }
    }

    private static JsonNode NumberValue(string literal)
    {
        var clean = literal.Replace("_", "", StringComparison.Ordinal);
        return long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? JsonValue.Create(whole)
            : JsonValue.Create(double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
