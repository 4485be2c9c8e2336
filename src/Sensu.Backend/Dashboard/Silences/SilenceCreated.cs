using Sensu.Backend.Dashboard.Events;

namespace Sensu.Backend.Dashboard.Silences;

/// <summary>The answer to creating a silence: what happened, and the current events it now silences.</summary>
public sealed record SilenceCreated(EventActionResult Result, IReadOnlyList<EventRow> Silenced);
