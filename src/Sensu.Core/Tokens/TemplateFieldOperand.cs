namespace Sensu.Core.Tokens;

/// <summary><c>.a.b</c> (from dot), <c>.</c> (empty path), <c>$</c> / <c>$.a</c> (from the root data).</summary>
internal sealed record TemplateFieldOperand(IReadOnlyList<string> Path, bool FromRoot, int Position, string Text)
    : TemplateOperand(Position, Text);
