namespace Sensu.Core.Selectors;

internal enum SelectorTokenType
{
    End,
    LeftSquare,
    RightSquare,
    Comma,
    DoubleEqual,
    NotEqual,
    And,
    In,
    NotIn,
    Matches,
    Bool,
    Identifier,
    String,
}

/// <summary>A token of a selector and the text it came from.</summary>
internal readonly record struct SelectorToken(SelectorTokenType Type, string Value);
