namespace Sensu.Backend.Secrets;

/// <summary>A secret could not be looked up; the message names provider, id and cause, never a value.</summary>
public sealed class SecretLookupException : Exception
{
    public SecretLookupException(string message) : base(message) { }

    public SecretLookupException(string message, Exception inner) : base(message, inner) { }

    public SecretLookupException() { }
}
