namespace Sensu.Core.Selectors;

/// <summary>One requirement of a selector: <c>key OPERATOR value(s)</c>.</summary>
public sealed record SelectorOperation(string Key, SelectorOperator Operator, IReadOnlyList<string> Values, SelectorKind Kind)
{
    /// <summary>
    /// Whether <paramref name="set"/> (label names or field names to values; list values joined with commas)
    /// satisfies this requirement, as Sensu evaluates it: <c>==</c>/<c>in</c> need the key, <c>!=</c>/<c>notin</c>
    /// hold when it is missing, and <c>"linux" in check.subscriptions</c> looks the literal up in a list-valued key.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        switch (Operator)
        {
            case SelectorOperator.In when Values.Count == 1 && set.TryGetValue(Values[0], out var list):
                return SplitList(list).Contains(Key, StringComparer.Ordinal);
            case SelectorOperator.NotIn when Values.Count == 1 && set.TryGetValue(Values[0], out var list):
                return !SplitList(list).Contains(Key, StringComparer.Ordinal);
            case SelectorOperator.In or SelectorOperator.Equal:
                return set.TryGetValue(Key, out var value) && Values.Contains(value, StringComparer.Ordinal);
            case SelectorOperator.NotIn or SelectorOperator.NotEqual:
                return !set.TryGetValue(Key, out var other) || !Values.Contains(other, StringComparer.Ordinal);
            case SelectorOperator.Matches:
                return set.TryGetValue(Key, out var text) && Values.Any(v => text.Contains(v, StringComparison.Ordinal));
            default:
                return false;
        }
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Trim('[', ']').Split(',').Select(part => part.Trim());
}
