using System.Collections.Concurrent;

namespace Sensu.Store.Sqlite;

/// <summary>
/// The last committed revision of each event this store wrote, so that asking for it (what Eventd does for every
/// check result) costs no query. It holds revisions only: keeping every event's document here would keep megabytes
/// of strings alive from one result of a check to the next, which the garbage collector pays for on every pass.
/// It is updated by the writer loop right after each commit, in commit order, so it never disagrees with the file
/// this instance writes; a key it does not hold is read from the database. Holds at most <see cref="Capacity"/>
/// keys; past that, new keys are simply not cached. Only the writer loop changes it (so the count is a plain
/// field); readers only look up.
/// </summary>
internal sealed class SqliteLatestEvents
{
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<EventKey, long> _revisions = new();
    private int _count;

    public bool TryGetRevision(EventKey key, out long revision) => _revisions.TryGetValue(key, out revision);

    public void Committed(EventKey key, long revision)
    {
        if (_revisions.ContainsKey(key))
            _revisions[key] = revision;
        else if (_count < Capacity && _revisions.TryAdd(key, revision))
            _count++;
    }

    public void Deleted(EventKey key)
    {
        if (_revisions.TryRemove(key, out _))
            _count--;
    }

    public void EntityDeleted(string @namespace, string entity)
    {
        foreach (var key in _revisions.Keys)
        {
            if (key.Entity == entity && key.Namespace == @namespace)
                Deleted(key);
        }
    }
}
