namespace Sensu.Store;

/// <summary>The store itself failed (disk, connection...); the message says how.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : StoreException(message, inner);
