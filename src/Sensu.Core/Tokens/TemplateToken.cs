namespace Sensu.Core.Tokens;

/// <summary>One lexeme inside an action. <see cref="Value"/> is the decoded string for strings, the field path for fields.</summary>
internal readonly record struct TemplateToken(TemplateTokenKind Kind, string Text, int Position, string Value = "");
