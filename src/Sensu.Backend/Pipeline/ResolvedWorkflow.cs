using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline;

/// <summary>One workflow to run for an event: its pipeline, its name, and the references of its filters, mutator and handler.</summary>
public sealed record ResolvedWorkflow(
    string Pipeline,
    string Name,
    IReadOnlyList<ResourceReference> Filters,
    ResourceReference? Mutator,
    ResourceReference Handler);
