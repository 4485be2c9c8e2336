namespace Sensu.Core.Selectors;

/// <summary>A label or field selector that does not follow Sensu's grammar; the message says where and why.</summary>
public sealed class SelectorParseException : Exception
{
    public SelectorParseException()
    {
    }

    public SelectorParseException(string message)
        : base(message)
    {
    }

    public SelectorParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
