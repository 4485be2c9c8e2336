namespace Sensu.Core.Tokens;

/// <summary>A piece of a parsed template: literal text or an action.</summary>
internal abstract record TemplateNode;
