using Sensu.Core.Resources.Core;
using Sensu.Core.Selectors;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>
/// The parts of a <see cref="Selector"/> a store can apply (<see cref="StoreFilter"/>), so that a selective list
/// reads only the rows that may match. The translation may select more than the selector, never less: what it
/// cannot say exactly it leaves out, and the list still checks every item it reads with the whole selector.
/// Left out: <c>matches</c>; <c>in</c>/<c>notin</c> with one value (it may name a list-valued key); label
/// <c>!=</c>/<c>notin</c> and the value <c>REDACTED</c> (the selector sees entities' redacted labels, the store the
/// real ones); fields other than names, an event's entity, check and status, and labels.
/// </summary>
public static class SelectorStoreFilter
{
    private const string EventPrefix = "event.";
    private const string EventLabelsPrefix = "event.labels.";

    public static StoreFilter ForEvents(Selector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var terms = new List<StoreFilterTerm>();
        foreach (var operation in selector.Operations)
        {
            if (operation.Kind == SelectorKind.Label)
            {
                AddLabel(terms, operation.Key, operation);
                continue;
            }
            if (operation.Key.StartsWith(EventLabelsPrefix, StringComparison.Ordinal))
            {
                AddLabel(terms, operation.Key[EventLabelsPrefix.Length..], operation);
                continue;
            }
            StoreFilterField? field = operation.Key switch
            {
                "event.entity.name" => StoreFilterField.EventEntity,
                "event.check.name" => StoreFilterField.EventCheck,
                "event.check.status" => StoreFilterField.EventCheckStatus,
                _ => null,
            };
            if (field is { } known && Exact(operation, EventPrefix) is { } negated)
                terms.Add(new StoreFilterTerm(known, negated, operation.Values));
        }
        return terms.Count == 0 ? StoreFilter.None : new StoreFilter(terms);
    }

    /// <summary>The filter for a listing of <paramref name="type"/>; none for types whose fields are not their stored metadata.</summary>
    public static StoreFilter ForResources(Type type, Selector selector)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.IsEmpty || ResourceFields.MetadataPrefixOf(type) is not { } prefix)
            return StoreFilter.None;
        var name = prefix + ".name";
        var labels = prefix + ".labels.";
        var terms = new List<StoreFilterTerm>();
        foreach (var operation in selector.Operations)
        {
            if (operation.Kind == SelectorKind.Label)
                AddLabel(terms, operation.Key, operation);
            else if (operation.Key.StartsWith(labels, StringComparison.Ordinal))
                AddLabel(terms, operation.Key[labels.Length..], operation);
            else if (operation.Key == name && Exact(operation, prefix + ".") is { } negated)
                terms.Add(new StoreFilterTerm(StoreFilterField.Name, negated, operation.Values));
        }
        return terms.Count == 0 ? StoreFilter.None : new StoreFilter(terms);
    }

    /// <summary>
    /// Whether the operation is a plain comparison of a field's value (false: in, true: not in); null when it is not:
    /// <c>matches</c>, or <c>in</c>/<c>notin</c> with one value that may name another field of the same type.
    /// </summary>
    private static bool? Exact(SelectorOperation operation, string fieldPrefix) => operation.Operator switch
    {
        SelectorOperator.Equal => false,
        SelectorOperator.NotEqual => true,
        SelectorOperator.In or SelectorOperator.NotIn when operation.Values.Count == 1 && operation.Values[0].StartsWith(fieldPrefix, StringComparison.Ordinal) => null,
        SelectorOperator.In => false,
        SelectorOperator.NotIn => true,
        _ => null,
    };

    /// <summary>Only label comparisons that select: <c>==</c>, and <c>in</c> with two values or more.</summary>
    private static void AddLabel(List<StoreFilterTerm> terms, string label, SelectorOperation operation)
    {
        var selects = operation.Operator == SelectorOperator.Equal
            || (operation.Operator == SelectorOperator.In && operation.Values.Count > 1);
        if (selects && label.Length > 0 && !operation.Values.Contains(Entity.Redacted, StringComparer.Ordinal))
            terms.Add(StoreFilterTerm.LabelIn(label, operation.Values));
    }
}
