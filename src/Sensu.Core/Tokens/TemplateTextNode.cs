namespace Sensu.Core.Tokens;

/// <summary>Literal text between actions.</summary>
internal sealed record TemplateTextNode(string Text) : TemplateNode;
