using System.Collections.Concurrent;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Round-robin rotation per namespace and subscription (core-spec §7): each pick takes the first live agent, in
/// ordinal order, after the one picked last time, wrapping around. Agents joining or leaving do not reset the
/// rotation.
/// </summary>
public sealed class RoundRobinRing
{
    private readonly ConcurrentDictionary<(string Namespace, string Subscription), string> _last = new();
    private readonly Lock _gate = new();

    /// <summary>The next agent of <paramref name="members"/> (sorted ordinally), or null when there is none.</summary>
    public string? Next(string @namespace, string subscription, IReadOnlyList<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
            return null;
        var key = (@namespace, subscription);
        string chosen;
        lock (_gate)
        {
            chosen = members[0];
            if (_last.TryGetValue(key, out var last))
            {
                foreach (var member in members)
                {
                    if (string.CompareOrdinal(member, last) > 0)
                    {
                        chosen = member;
                        break;
                    }
                }
            }
            _last[key] = chosen;
        }
        return chosen;
    }
}
