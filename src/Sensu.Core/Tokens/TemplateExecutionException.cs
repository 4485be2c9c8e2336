namespace Sensu.Core.Tokens;

/// <summary>A template that failed while executing; the message reads like Go's <c>template: name:line:col: executing ...</c>.</summary>
internal sealed class TemplateExecutionException(string message) : Exception(message);
