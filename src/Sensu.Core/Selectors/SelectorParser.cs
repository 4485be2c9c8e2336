namespace Sensu.Core.Selectors;

/// <summary>Turns a selector's text into operations (Sensu's grammar), or throws <see cref="SelectorParseException"/>.</summary>
internal static class SelectorParser
{
    public static IReadOnlyList<SelectorOperation> Parse(string input, SelectorKind kind, string parameter)
    {
        try
        {
            return Operations(new SelectorLexer(input).Tokenize(), kind);
        }
        catch (SelectorParseException ex)
        {
            throw new SelectorParseException($"failed to parse {parameter}: {ex.Message}", ex);
        }
    }

    private static List<SelectorOperation> Operations(List<SelectorToken> tokens, SelectorKind kind)
    {
        var operations = new List<SelectorOperation>();
        var position = 0;
        while (true)
        {
            var token = tokens[position];
            switch (token.Type)
            {
                case SelectorTokenType.Identifier or SelectorTokenType.String:
                    operations.Add(Operation(tokens, ref position, kind));
                    break;
                case SelectorTokenType.And:
                    if (operations.Count == 0)
                        throw new SelectorParseException("unexpected '&&' operator found, expected a operation first");
                    position++;
                    if (tokens[position].Type is not (SelectorTokenType.Identifier or SelectorTokenType.String))
                        throw new SelectorParseException($"unexpected token '{tokens[position].Value}', expected an identifier or string after '&&'");
                    break;
                case SelectorTokenType.End:
                    return operations;
                default:
                    throw new SelectorParseException($"unexpected token '{token.Value}', expected an identifier or end of string");
            }
        }
    }

    private static SelectorOperation Operation(List<SelectorToken> tokens, ref int position, SelectorKind kind)
    {
        var key = tokens[position++].Value;
        var op = tokens[position++];
        var @operator = op.Type switch
        {
            SelectorTokenType.DoubleEqual => SelectorOperator.Equal,
            SelectorTokenType.NotEqual => SelectorOperator.NotEqual,
            SelectorTokenType.In => SelectorOperator.In,
            SelectorTokenType.NotIn => SelectorOperator.NotIn,
            SelectorTokenType.Matches => SelectorOperator.Matches,
            _ => throw new SelectorParseException($"could not parse the operations: unexpected operator '{op.Value}' found"),
        };
        if (@operator is SelectorOperator.In or SelectorOperator.NotIn)
            return new SelectorOperation(key, @operator, Values(tokens, ref position), kind);
        var value = tokens[position++];
        if (value.Type is not (SelectorTokenType.Identifier or SelectorTokenType.String or SelectorTokenType.Bool or SelectorTokenType.Matches))
            throw new SelectorParseException($"could not parse the operations: unexpected token '{value.Value}': expected an identifier or literal value");
        return new SelectorOperation(key, @operator, [value.Value], kind);
    }

    /// <summary>The right side of <c>in</c>/<c>notin</c>: a single identifier (a list-valued key) or <c>[a, 'b', ...]</c>.</summary>
    private static List<string> Values(List<SelectorToken> tokens, ref int position)
    {
        var first = tokens[position++];
        if (first.Type == SelectorTokenType.Identifier)
            return [first.Value];
        if (first.Type != SelectorTokenType.LeftSquare)
            throw new SelectorParseException($"could not parse the operations: found '{first.Value}', expected '['");
        var values = new List<string>();
        while (true)
        {
            var token = tokens[position++];
            switch (token.Type)
            {
                case SelectorTokenType.Identifier or SelectorTokenType.String:
                    values.Add(token.Value);
                    break;
                case SelectorTokenType.Comma:
                    break;
                case SelectorTokenType.RightSquare:
                    return values;
                default:
                    throw new SelectorParseException($"could not parse the operations: unexpected token '{token.Value}', expected a comma or an identifier");
            }
        }
    }
}
