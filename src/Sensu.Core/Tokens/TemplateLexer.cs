using System.Globalization;
using System.Text;

namespace Sensu.Core.Tokens;

/// <summary>Splits the inside of one <c>{{ ... }}</c> action into tokens (Go text/template lexical rules, subset).</summary>
internal sealed class TemplateLexer(string name, string text)
{
    /// <summary>Lexes from <paramref name="start"/> (just after <c>{{</c> and any left trim marker) to the closing delimiter.</summary>
    public (List<TemplateToken> Tokens, int End, bool TrimRight) LexAction(int start)
    {
        var tokens = new List<TemplateToken>();
        var pos = start;
        while (true)
        {
            var spaceStart = pos;
            while (pos < text.Length && IsSpace(text[pos]))
                pos++;
            if (pos >= text.Length)
                throw Error(start, "unclosed action");
            if (pos > spaceStart && Starts(pos, "-}}"))
                return (tokens, pos + 3, true);
            if (Starts(pos, "}}"))
                return (tokens, pos + 2, false);
            var c = text[pos];
            switch (c)
            {
                case '|':
                    tokens.Add(new(TemplateTokenKind.Pipe, "|", pos));
                    pos++;
                    break;
                case '(':
                    tokens.Add(new(TemplateTokenKind.LeftParen, "(", pos));
                    pos++;
                    break;
                case ')':
                    tokens.Add(new(TemplateTokenKind.RightParen, ")", pos));
                    pos++;
                    break;
                case '"':
                    pos = LexQuoted(pos, tokens);
                    break;
                case '`':
                    pos = LexRaw(pos, tokens);
                    break;
                case '.':
                    pos = LexField(pos, pos, TemplateTokenKind.Field, tokens);
                    break;
                case '$':
                    if (pos + 1 < text.Length && IsIdentifierChar(text[pos + 1]))
                        throw Error(pos, $"undefined variable \"{ReadWhile(pos + 1, IsIdentifierChar, out _).Insert(0, "$")}\"");
                    pos = LexField(pos, pos + 1, TemplateTokenKind.Root, tokens);
                    break;
                default:
                    if (char.IsAsciiDigit(c) || ((c is '-' or '+') && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
                        pos = LexNumber(pos, tokens);
                    else if (IsIdentifierStart(c))
                        pos = LexIdentifier(pos, tokens);
                    else
                        throw Error(pos, $"unexpected \"{c}\" in command");
                    break;
            }
        }
    }

    public TemplateParseException Error(int position, string message) =>
        new($"template: {name}:{LineOf(position)}: {message}");

    public int LineOf(int position) => 1 + text.AsSpan(0, Math.Min(position, text.Length)).Count('\n');

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private bool Starts(int pos, string value) => string.CompareOrdinal(text, pos, value, 0, value.Length) == 0;

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private string ReadWhile(int pos, Func<char, bool> accept, out int end)
    {
        end = pos;
        while (end < text.Length && accept(text[end]))
            end++;
        return text[pos..end];
    }

    private int LexField(int start, int pos, TemplateTokenKind rootKind, List<TemplateToken> tokens)
    {
        var path = new List<string>();
        while (pos < text.Length && text[pos] == '.')
        {
            var segment = ReadWhile(pos + 1, IsIdentifierChar, out var end);
            if (segment.Length == 0)
            {
                if (path.Count > 0 || rootKind == TemplateTokenKind.Root)
                    throw Error(pos, "unexpected . after term");
                pos = end;
                break;
            }
            path.Add(segment);
            pos = end;
        }
        var kind = rootKind == TemplateTokenKind.Root ? TemplateTokenKind.Root
            : path.Count == 0 ? TemplateTokenKind.Dot : TemplateTokenKind.Field;
        tokens.Add(new(kind, text[start..pos], start, string.Join('\u0000', path)));
        return pos;
    }

    private int LexIdentifier(int pos, List<TemplateToken> tokens)
    {
        var word = ReadWhile(pos, IsIdentifierChar, out var end);
        var kind = word switch
        {
            "true" or "false" => TemplateTokenKind.Bool,
            "nil" => TemplateTokenKind.Nil,
            _ => TemplateTokenKind.Identifier,
        };
        tokens.Add(new(kind, word, pos, word));
        return end;
    }

    private int LexNumber(int pos, List<TemplateToken> tokens)
    {
        var end = pos + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_'
            || (text[end] is '+' or '-' && text[end - 1] is 'e' or 'E')))
            end++;
        var literal = text[pos..end];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw Error(pos, $"bad number syntax: \"{literal}\"");
        tokens.Add(new(TemplateTokenKind.Number, literal, pos, literal));
        return end;
    }

    private int LexRaw(int pos, List<TemplateToken> tokens)
    {
        var close = text.IndexOf('`', pos + 1);
        if (close < 0)
            throw Error(pos, "unterminated raw quoted string");
        tokens.Add(new(TemplateTokenKind.String, text[pos..(close + 1)], pos, text[(pos + 1)..close]));
        return close + 1;
    }

    private int LexQuoted(int pos, List<TemplateToken> tokens)
    {
        var value = new StringBuilder();
        var i = pos + 1;
        while (true)
        {
            if (i >= text.Length || text[i] == '\n')
                throw Error(pos, "unterminated quoted string");
            var c = text[i];
            if (c == '"')
                break;
            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.Length)
                throw Error(pos, "unterminated quoted string");
            var e = text[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '\\': value.Append('\\'); break;
                case '"': value.Append('"'); break;
                case '\'': value.Append('\''); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case 'u' or 'U' or 'x':
                    var width = e switch { 'u' => 4, 'U' => 8, _ => 2 };
                    if (i + width > text.Length
                        || !int.TryParse(text.AsSpan(i, width), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        throw Error(pos, "invalid syntax in quoted string");
                    value.Append(char.ConvertFromUtf32(code));
                    i += width;
                    break;
                default:
                    throw Error(pos, "invalid syntax in quoted string");
            }
        }
        tokens.Add(new(TemplateTokenKind.String, text[pos..(i + 1)], pos, value.ToString()));
        return i + 1;
    }
}
