namespace Sensu.Core.Tokens;

/// <summary>An argument inside a command.</summary>
internal abstract record TemplateOperand(int Position, string Text);
