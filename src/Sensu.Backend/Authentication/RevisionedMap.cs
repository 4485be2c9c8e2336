using System.Collections.Concurrent;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Named values kept in revision order: a change older than what is held is ignored, so that the change feed (which
/// may deliver this backend's own writes after it has moved on) never rolls an entry back. Thread-safe; every update
/// is a compare-and-swap on one entry.
/// </summary>
public sealed class RevisionedMap<T> where T : class
{
    private readonly ConcurrentDictionary<string, Revisioned<T>> _items = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public Revisioned<T>? Get(string name) => _items.TryGetValue(name, out var entry) ? entry : null;

    public IEnumerable<KeyValuePair<string, Revisioned<T>>> Entries => _items;

    /// <summary>Sets <paramref name="value"/> (null: a tombstone) unless the entry already holds this revision or a later one.</summary>
    public bool Apply(string name, T? value, long revision) =>
        Update(name, current => current is null || current.Revision < revision ? new Revisioned<T>(value, revision) : null);

    /// <summary>
    /// Atomically replaces the entry by what <paramref name="next"/> returns for it (null current: no entry);
    /// <paramref name="next"/> returning null leaves it as is. May call <paramref name="next"/> more than once.
    /// </summary>
    public bool Update(string name, Func<Revisioned<T>?, Revisioned<T>?> next)
    {
        while (true)
        {
            if (_items.TryGetValue(name, out var current))
            {
                var replacement = next(current);
                if (replacement is null)
                    return false;
                if (_items.TryUpdate(name, replacement, current))
                    return true;
            }
            else
            {
                var created = next(null);
                if (created is null)
                    return false;
                if (_items.TryAdd(name, created))
                    return true;
            }
        }
    }

    /// <summary>Removes the entry if it is still <paramref name="expected"/>.</summary>
    public bool Remove(string name, Revisioned<T> expected) =>
        _items.TryRemove(new KeyValuePair<string, Revisioned<T>>(name, expected));
}
