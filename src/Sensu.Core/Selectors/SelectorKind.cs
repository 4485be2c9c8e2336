namespace Sensu.Core.Selectors;

/// <summary>Whether an operation came from a <c>labelSelector</c> (keys are label names) or a <c>fieldSelector</c>.</summary>
public enum SelectorKind
{
    Field,
    Label,
}
