namespace Sensu.Core.Selectors;

/// <summary>The operators of Sensu's label and field selectors.</summary>
public enum SelectorOperator
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>in</c>: the key's value is one of a list, or a literal is an element of a list-valued key.</summary>
    In,

    /// <summary><c>notin</c></summary>
    NotIn,

    /// <summary><c>matches</c>: the key's value contains the text.</summary>
    Matches,
}
