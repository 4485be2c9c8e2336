using System.Text.Json.Nodes;

namespace Sensu.Execution.JavaScript;

/// <summary>What a script sees: global variables given as JSON (e.g. <c>event</c>, <c>entity</c>) and library sources run first (runtime assets of filters).</summary>
public sealed class JavaScriptScope
{
    public Dictionary<string, JsonNode?> Globals { get; init; } = [];

    public IReadOnlyList<string> Libraries { get; init; } = [];
}
