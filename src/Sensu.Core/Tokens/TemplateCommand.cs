namespace Sensu.Core.Tokens;

/// <summary>One command: a function with arguments, or a single operand.</summary>
internal sealed record TemplateCommand(IReadOnlyList<TemplateOperand> Operands, int Position);
