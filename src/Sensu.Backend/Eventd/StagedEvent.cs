using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>
/// An event whose state is computed and whose write is queued: <see cref="Published"/> is what the pipeline gets
/// once <see cref="Write"/> completes with the stored revision (null for a metrics-only event, which is not stored).
/// <see cref="Json"/> is the stored JSON when it is the published event's own (see <see cref="EventTransition.PersistedIsEvent"/>).
/// </summary>
internal readonly record struct StagedEvent(Event Published, Task<long>? Write, byte[]? Json = null);
