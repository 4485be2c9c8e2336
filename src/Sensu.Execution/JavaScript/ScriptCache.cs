using System.Collections.Concurrent;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// Parsed scripts by source text. Filters evaluate the same few expressions for every event, so parsing happens once;
/// when more than <c>capacity</c> distinct sources have been seen the cache starts over (a crude bound, but the
/// working set of a backend's filters is small).
/// </summary>
internal sealed class ScriptCache(int capacity)
{
    private readonly ConcurrentDictionary<string, CachedScript> _scripts = new(StringComparer.Ordinal);

    public CachedScript Get(string source)
    {
        if (_scripts.TryGetValue(source, out var cached))
            return cached;
        if (_scripts.Count >= capacity)
            _scripts.Clear();
        return _scripts.GetOrAdd(source, CachedScript.Parse);
    }
}
