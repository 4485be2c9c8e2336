using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Execution.JavaScript;

/// <summary>What a script sees: global variables given as JSON (e.g. <c>event</c>, <c>entity</c>) and library sources run first (runtime assets of filters).</summary>
public sealed class JavaScriptScope
{
    public Dictionary<string, JsonNode?> Globals { get; init; } = [];

    /// <summary>
    /// Globals given as elements of a parsed <see cref="JsonDocument"/>, read straight from the document and only as
    /// far as a script reads them (no <c>JsonNode</c> tree is built). The document must stay undisposed until the
    /// call returns; nothing of it is kept after. A name may not be in both dictionaries.
    /// </summary>
    public Dictionary<string, JsonElement> JsonGlobals { get; init; } = [];

    public IReadOnlyList<string> Libraries { get; init; } = [];

    /// <summary>
    /// Every object of the globals that has a <c>metadata</c> object also shows the fields of that metadata it does
    /// not have itself (Sensu's synthesized view: <c>event.check.name</c> for <c>event.check.metadata.name</c>), as
    /// <c>Synthesized.Lift</c> does on JSON, but only for the objects a script touches.
    /// </summary>
    public bool LiftMetadata { get; init; }
}
