using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Eventd;

/// <summary>
/// Which silences apply to an event (core-spec §3.10): started (<c>begin ≤ now</c>), not expired, and matching
/// the check with the entity's own <c>entity:NAME</c> subscription, or — for a proxy check — any entity
/// subscription, or — otherwise — a check subscription that the entity also has.
/// </summary>
public static class SilenceMatcher
{
    public static bool IsActive(Silenced entry, long now) =>
        entry.Begin <= now && (entry.ExpireAt <= 0 || entry.ExpireAt > now);

    public static bool Silences(Silenced entry, Event ev, long now)
    {
        if (ev.Check is not { } check || ev.Entity is not { } entity || !IsActive(entry, now))
            return false;
        var checkName = check.Metadata.Name ?? string.Empty;
        if (entry.Matches(checkName, Entity.EntitySubscription(entity.Metadata.Name ?? string.Empty)))
            return true;
        if (!string.IsNullOrEmpty(check.ProxyEntityName))
            return entity.Subscriptions.Exists(s => entry.Matches(checkName, s));
        return check.Subscriptions.Exists(s => entity.Subscriptions.Contains(s) && entry.Matches(checkName, s));
    }

    /// <summary>The entries that silence the event, sorted by name (names are unique in a namespace); null when none does.</summary>
    public static List<Silenced>? Matching(IEnumerable<Silenced> entries, Event ev, long now)
    {
        List<Silenced>? matching = null;
        foreach (var entry in entries)
        {
            if (Silences(entry, ev, now))
                (matching ??= []).Add(entry);
        }
        matching?.Sort(static (a, b) => string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name));
        return matching;
    }
}
