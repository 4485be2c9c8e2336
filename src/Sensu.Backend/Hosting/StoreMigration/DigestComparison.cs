namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>One kind of the verification: the source's and the target's digests (null where the store has none).</summary>
public sealed record DigestComparison(string Kind, KindDigest? Source, KindDigest? Target)
{
    public bool Matches => Source is null
        ? Target is null || Target.Count == 0
        : Target is not null && Source.Count == Target.Count && string.Equals(Source.Sha256, Target.Sha256, StringComparison.Ordinal);

    /// <summary>Pairs two digests by kind, in ordinal kind order, events last.</summary>
    public static IReadOnlyList<DigestComparison> Compare(IReadOnlyList<KindDigest> source, IReadOnlyList<KindDigest> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var bySource = source.ToDictionary(d => d.Kind, StringComparer.Ordinal);
        var byTarget = target.ToDictionary(d => d.Kind, StringComparer.Ordinal);
        return bySource.Keys.Union(byTarget.Keys, StringComparer.Ordinal)
            .OrderBy(kind => string.Equals(kind, StoreDigest.EventsKind, StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(kind => kind, StringComparer.Ordinal)
            .Select(kind => new DigestComparison(kind, bySource.GetValueOrDefault(kind), byTarget.GetValueOrDefault(kind)))
            .ToList();
    }
}
