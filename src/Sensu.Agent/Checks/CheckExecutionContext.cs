using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Checks;

/// <summary>What a check run needs besides its request: the entity it runs for, its synthesized view and the base env.</summary>
internal sealed record CheckExecutionContext(
    Core.Resources.Core.Entity Entity,
    System.Text.Json.Nodes.JsonObject SynthesizedEntity,
    IReadOnlyList<string> BaseEnvironment,
    CheckRequest Request);
