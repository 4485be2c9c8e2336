using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>A string, number, bool or nil constant.</summary>
internal sealed record TemplateLiteralOperand(JsonNode? Value, int Position, string Text) : TemplateOperand(Position, Text);
