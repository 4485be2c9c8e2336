using System.Collections.Concurrent;

namespace Sensu.Store.Sqlite;

/// <summary>
/// The last committed version of each event this store wrote, so that reading an event back (what Eventd does for
/// every check result) costs no query. It is updated by the writer loop right after each commit, in commit order,
/// so it never disagrees with the file this instance writes; a key it does not hold is read from the database.
/// Holds at most <see cref="Capacity"/> events; past that, new keys are simply not cached. Only the writer loop
/// changes it (so the count is a plain field); readers only look up.
/// </summary>
internal sealed class SqliteLatestEvents
{
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<EventKey, StoredEvent> _events = new();
    private int _count;

    public bool TryGet(EventKey key, out StoredEvent? stored) => _events.TryGetValue(key, out stored);

    public void Committed(StoredEvent stored)
    {
        if (_events.ContainsKey(stored.Key))
            _events[stored.Key] = stored;
        else if (_count < Capacity && _events.TryAdd(stored.Key, stored))
            _count++;
    }

    public void Deleted(EventKey key)
    {
        if (_events.TryRemove(key, out _))
            _count--;
    }

    public void EntityDeleted(string @namespace, string entity)
    {
        foreach (var key in _events.Keys)
        {
            if (key.Entity == entity && key.Namespace == @namespace)
                Deleted(key);
        }
    }
}
