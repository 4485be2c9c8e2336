using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// An event whose state is computed and whose write is queued: <see cref="Published"/> is what the pipeline gets
/// once <see cref="Write"/> completes (null for a metrics-only event, which is not stored).
/// </summary>
internal readonly record struct StagedEvent(Event Published, Task<StoredEvent>? Write);
