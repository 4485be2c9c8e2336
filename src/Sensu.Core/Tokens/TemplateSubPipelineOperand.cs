namespace Sensu.Core.Tokens;

/// <summary>A parenthesised pipeline used as an argument.</summary>
internal sealed record TemplateSubPipelineOperand(TemplatePipeline Pipeline, int Position, string Text)
    : TemplateOperand(Position, Text);
