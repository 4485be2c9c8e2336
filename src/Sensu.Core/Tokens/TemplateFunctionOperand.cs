namespace Sensu.Core.Tokens;

/// <summary>A function name such as <c>default</c>.</summary>
internal sealed record TemplateFunctionOperand(string Name, int Position) : TemplateOperand(Position, Name);
