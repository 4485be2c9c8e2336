using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>
/// The outcome of merging a check result with the stored event: the event to publish (full output, metrics
/// kept), the JSON to persist as UTF-8 (output truncated, metrics stripped), and the names of the
/// <c>expire_on_resolve</c> silences this resolution ends. <see cref="PersistedIsEvent"/> is true when nothing had
/// to be stripped or truncated, so the persisted JSON is the published event's own.
/// </summary>
public sealed record EventTransition(Event Event, byte[] PersistedJson, IReadOnlyList<string> SilencesToDelete, bool PersistedIsEvent = false);
