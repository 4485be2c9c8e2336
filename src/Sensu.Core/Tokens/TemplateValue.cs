using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>
/// A value during template execution: a JSON node (null for JSON null / Go nil) or "missing"
/// (Go's invalid value, produced by a map key that does not exist).
/// </summary>
internal readonly record struct TemplateValue(JsonNode? Node, bool IsMissing)
{
    public static TemplateValue Missing => new(null, true);

    public static TemplateValue Of(JsonNode? node) => new(node, false);

    /// <summary>True for a missing value and for nil; both print as <c>&lt;no value&gt;</c> and select a default.</summary>
    public bool IsNil => IsMissing || Node is null;
}
