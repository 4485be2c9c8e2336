using System.Globalization;

namespace Sensu.Core.Selectors;

/// <summary>
/// Splits a selector into tokens as Sensu does: identifiers start with a letter or <c>_</c> and go on with letters,
/// digits, <c>_</c>, <c>.</c>, <c>/</c> and <c>-</c>; strings are in single or double quotes;
/// <c>in</c>, <c>notin</c>, <c>matches</c>, <c>true</c> and <c>false</c> are reserved words (any case). One leniency:
/// a bare number is read as a literal (<c>event.check.status == 2</c>) and <c>-</c> may appear inside identifiers
/// (<c>event.entity.name == web-1</c>), where Sensu wants both quoted; nothing Sensu accepts changes meaning.
/// </summary>
internal sealed class SelectorLexer(string input)
{
    private int _position;

    public List<SelectorToken> Tokenize()
    {
        var tokens = new List<SelectorToken>();
        SelectorToken token;
        do
        {
            token = Next();
            tokens.Add(token);
        }
        while (token.Type != SelectorTokenType.End);
        return tokens;
    }

    private SelectorToken Next()
    {
        while (_position < input.Length && char.IsWhiteSpace(input[_position]))
            _position++;
        if (_position >= input.Length)
            return new SelectorToken(SelectorTokenType.End, "");
        var start = _position;
        var c = input[_position++];
        switch (c)
        {
            case '[':
                return new SelectorToken(SelectorTokenType.LeftSquare, "[");
            case ']':
                return new SelectorToken(SelectorTokenType.RightSquare, "]");
            case ',':
                return new SelectorToken(SelectorTokenType.Comma, ",");
            case '=' or '!' or '&':
                var second = c == '&' ? '&' : '=';
                if (_position >= input.Length || input[_position] != second)
                {
                    var got = _position < input.Length ? input[start..(_position + 1)] : input[start..];
                    throw new SelectorParseException(string.Create(CultureInfo.InvariantCulture,
                        $"at {_position + 1}, looking for \"{second}\" but got \"{got}\""));
                }
                _position++;
                return c switch
                {
                    '=' => new SelectorToken(SelectorTokenType.DoubleEqual, "=="),
                    '!' => new SelectorToken(SelectorTokenType.NotEqual, "!="),
                    _ => new SelectorToken(SelectorTokenType.And, "&&"),
                };
            case '"' or '\'':
                var end = input.IndexOfAny(['"', '\''], _position);
                if (end < 0)
                    throw new SelectorParseException("EOF while scanning string literal");
                var text = input[_position..end];
                _position = end + 1;
                return new SelectorToken(SelectorTokenType.String, text);
        }
        if (char.IsAsciiDigit(c))
        {
            // A bare number (event.check.status == 2): a literal, which Sensu's lexer only takes quoted.
            while (_position < input.Length && (char.IsAsciiLetterOrDigit(input[_position]) || input[_position] is '.' or '_'))
                _position++;
            return new SelectorToken(SelectorTokenType.String, input[start.._position]);
        }
        if (!IsIdentifierStart(c))
            throw new SelectorParseException($"invalid rune: \"{c}\"");
        while (_position < input.Length && !char.IsWhiteSpace(input[_position]) && input[_position] is not ('[' or ']' or '!' or '&' or ',' or '"' or '\'' or '='))
        {
            if (!IsIdentifierTail(input[_position]))
                throw new SelectorParseException($"invalid identifier: \"{input[start..(_position + 1)]}\"");
            _position++;
        }
        var word = input[start.._position];
        if (word.EndsWith('.'))
            throw new SelectorParseException($"invalid identifier: \"{word}\"");
        return word.ToLowerInvariant() switch
        {
            "in" => new SelectorToken(SelectorTokenType.In, "in"),
            "notin" => new SelectorToken(SelectorTokenType.NotIn, "notin"),
            "matches" => new SelectorToken(SelectorTokenType.Matches, "matches"),
            "true" => new SelectorToken(SelectorTokenType.Bool, "true"),
            "false" => new SelectorToken(SelectorTokenType.Bool, "false"),
            _ => new SelectorToken(SelectorTokenType.Identifier, word),
        };
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierTail(char c) => c is '_' or '.' or '/' or '-' || char.IsLetterOrDigit(c);
}
