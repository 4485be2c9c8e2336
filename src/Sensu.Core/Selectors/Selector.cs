namespace Sensu.Core.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> and/or <c>fieldSelector</c> (Sensu's grammar: <c>key == value</c>, <c>!=</c>,
/// <c>in [a, b]</c>, <c>notin</c>, <c>matches</c>, joined with <c>&amp;&amp;</c>); a resource is selected when every
/// operation holds. Label operations look at the resource's labels (an event's own, its entity's and its check's),
/// field operations at its fields (<see cref="ResourceFields"/>).
/// </summary>
public sealed class Selector
{
    public static Selector Empty { get; } = new([]);

    public Selector(IReadOnlyList<SelectorOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Operations = operations;
    }

    public IReadOnlyList<SelectorOperation> Operations { get; }

    public bool IsEmpty => Operations.Count == 0;

    public bool HasLabelOperations => Operations.Any(o => o.Kind == SelectorKind.Label);

    public bool HasFieldOperations => Operations.Any(o => o.Kind == SelectorKind.Field);

    /// <summary>Parses the values of the <c>labelSelector</c> and <c>fieldSelector</c> query parameters (each may repeat: joined with &amp;&amp;).</summary>
    public static Selector Parse(IEnumerable<string>? labelSelectors, IEnumerable<string>? fieldSelectors)
    {
        var operations = new List<SelectorOperation>();
        var labels = string.Join(" && ", labelSelectors ?? []);
        if (labels.Trim().Length > 0)
            operations.AddRange(SelectorParser.Parse(labels, SelectorKind.Label, "labelSelector"));
        var fields = string.Join(" && ", fieldSelectors ?? []);
        if (fields.Trim().Length > 0)
            operations.AddRange(SelectorParser.Parse(fields, SelectorKind.Field, "fieldSelector"));
        return operations.Count == 0 ? Empty : new Selector(operations);
    }

    /// <summary>Whether <paramref name="resource"/> is selected (always, when the selector is empty).</summary>
    public bool Matches(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (IsEmpty)
            return true;
        var labels = HasLabelOperations ? ResourceFields.LabelsOf(resource) : null;
        var fields = HasFieldOperations ? ResourceFields.Of(resource) : null;
        foreach (var operation in Operations)
        {
            var set = operation.Kind == SelectorKind.Label ? labels! : fields!;
            if (!operation.Matches(set))
                return false;
        }
        return true;
    }
}
