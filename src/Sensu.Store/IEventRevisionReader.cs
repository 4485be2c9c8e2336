namespace Sensu.Store;

/// <summary>
/// The revision of the latest stored event of a key, without its document: what Eventd asks for every check result
/// to learn whether the state it remembers is still the latest (nobody deleted or replaced the event since).
/// </summary>
public interface IEventRevisionReader
{
    /// <summary>The latest event's revision; null when there is no event for <paramref name="key"/>.</summary>
    ValueTask<long?> GetEventRevisionAsync(EventKey key, CancellationToken cancellationToken);
}
