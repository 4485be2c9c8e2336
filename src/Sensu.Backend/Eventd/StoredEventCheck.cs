using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>
/// The part of a stored event the state machine needs: its check (history, last_ok, occurrences, watermark).
/// Reading a stored event into this skips the entity and everything else the whole event would allocate.
/// </summary>
internal sealed class StoredEventCheck
{
    public Check? Check { get; set; }
}
