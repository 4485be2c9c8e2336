namespace Sensu.Core.Tokens;

/// <summary><c>{{ pipeline }}</c>: the pipeline's value is printed.</summary>
internal sealed record TemplateActionNode(TemplatePipeline Pipeline, int Position) : TemplateNode;
