namespace Sensu.Store;

/// <summary>
/// Conditions a listing applies in the store (all must hold), so that a selective list need not read every row.
/// A provider must apply every term exactly (the conformance suite checks it); callers translate only the parts of
/// a selector whose store form can select more than the selector would, never less, and still check each item.
/// </summary>
public sealed class StoreFilter
{
    public static StoreFilter None { get; } = new([]);

    public StoreFilter(IReadOnlyList<StoreFilterTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var term in terms)
        {
            ArgumentNullException.ThrowIfNull(term);
            if (term.Values.Count == 0)
                throw new ArgumentException("a store filter term needs at least one value", nameof(terms));
            if ((term.Field == StoreFilterField.Label) != (term.Label is not null))
                throw new ArgumentException("a label term names its label; no other term does", nameof(terms));
        }
        Terms = terms;
    }

    public IReadOnlyList<StoreFilterTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Throws when a term compares a field outside <paramref name="accepted"/> (a listing's own set).</summary>
    public void EnsureFields(params ReadOnlySpan<StoreFilterField> accepted)
    {
        foreach (var term in Terms)
        {
            if (!accepted.Contains(term.Field))
                throw new ArgumentException($"this listing cannot filter on {term.Field}");
        }
    }

    public override string ToString() => string.Join(" && ", Terms);
}
