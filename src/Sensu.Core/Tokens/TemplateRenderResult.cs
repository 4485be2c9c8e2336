namespace Sensu.Core.Tokens;

/// <summary>
/// The rendered text and, when some field was missing, Go's <c>missingkey=error</c> description of the first
/// missing key met (e.g. <c>template: command:1:8: executing "command" at &lt;.labels.x&gt;: map has no entry for key "x"</c>).
/// </summary>
internal sealed record TemplateRenderResult(string Output, string? FirstMissingKey);
