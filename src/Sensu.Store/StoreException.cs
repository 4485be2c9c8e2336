namespace Sensu.Store;

/// <summary>Base of the errors a store raises for a condition the caller can act on.</summary>
public abstract class StoreException : Exception
{
    protected StoreException(string message) : base(message) { }

    protected StoreException(string message, Exception inner) : base(message, inner) { }
}
