namespace Sensu.Store;

/// <summary>
/// One condition of a <see cref="StoreFilter"/>, compared as ordinal text: without <paramref name="Negated"/>, the
/// field has a value and it is one of <paramref name="Values"/>; with it, the field has no value or a value that is
/// none of them. <paramref name="Label"/> names the label for <see cref="StoreFilterField.Label"/> (null otherwise).
/// </summary>
public sealed record StoreFilterTerm(StoreFilterField Field, bool Negated, IReadOnlyList<string> Values, string? Label = null)
{
    public static StoreFilterTerm In(StoreFilterField field, params IReadOnlyList<string> values) => new(field, false, values);

    public static StoreFilterTerm NotIn(StoreFilterField field, params IReadOnlyList<string> values) => new(field, true, values);

    public static StoreFilterTerm LabelIn(string label, params IReadOnlyList<string> values) => new(StoreFilterField.Label, false, values, label);

    public static StoreFilterTerm LabelNotIn(string label, params IReadOnlyList<string> values) => new(StoreFilterField.Label, true, values, label);

    /// <summary>Whether <paramref name="value"/> (null: the field has none) satisfies the term; what a provider must compute.</summary>
    public bool Holds(string? value) =>
        Negated
            ? value is null || !Values.Contains(value, StringComparer.Ordinal)
            : value is not null && Values.Contains(value, StringComparer.Ordinal);
}
