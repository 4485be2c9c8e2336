namespace Sensu.Store;

/// <summary>An event as stored: its key, its JSON (without metrics), and the store revision of the last write.</summary>
public sealed record StoredEvent(EventKey Key, string Json, long Revision);
