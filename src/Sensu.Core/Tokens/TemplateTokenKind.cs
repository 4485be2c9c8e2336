namespace Sensu.Core.Tokens;

internal enum TemplateTokenKind
{
    Field,
    Dot,
    Root,
    Identifier,
    String,
    Number,
    Bool,
    Nil,
    Pipe,
    LeftParen,
    RightParen,
    End,
}
