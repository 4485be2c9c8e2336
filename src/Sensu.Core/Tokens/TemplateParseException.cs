namespace Sensu.Core.Tokens;

/// <summary>A template text that does not parse; the message reads like Go's <c>template: name:line: ...</c>.</summary>
internal sealed class TemplateParseException(string message) : Exception(message);
