using System.Text.Json.Nodes;

namespace Sensu.Core.Wrapped;

/// <summary>
/// One document read from a wrapped input: its 0-based index over the whole input, the 1-based line it starts on,
/// and either its JSON tree or the syntax error that stopped it.
/// </summary>
public sealed record WrappedDocument(int Index, int Line, JsonNode? Node, WrappedFormatException? Error = null)
{
    public bool IsValid => Error is null;
}
