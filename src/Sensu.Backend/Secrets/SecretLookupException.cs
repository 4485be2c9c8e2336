namespace Sensu.Backend.Secrets;

/// <summary>
/// A secret could not be looked up; the message names provider, id and cause, never a value. <see cref="Kind"/>
/// says which of Sensu's error kinds it is (secrets-spec §4.2).
/// </summary>
public sealed class SecretLookupException : Exception
{
    public SecretLookupException(string message) : base(message) { }

    public SecretLookupException(string message, Exception inner) : base(message, inner) { }

    public SecretLookupException(SecretErrorKind kind, string message) : base(message) => Kind = kind;

    public SecretLookupException(SecretErrorKind kind, string message, Exception? inner) : base(message, inner) => Kind = kind;

    public SecretLookupException() { }

    public SecretErrorKind Kind { get; }

    /// <summary>The name of the Secret whose resolution failed, when the resolver knows it.</summary>
    public string? Secret { get; internal set; }

    /// <summary>The provider it names, when known.</summary>
    public string? Provider { get; internal set; }

    /// <summary>Sensu's text for a provider that cannot be reached.</summary>
    public const string NotAvailablePrefix = "secret provider not available: ";

    /// <summary>Sensu's text for a secret the provider does not have.</summary>
    public const string NotFoundPrefix = "secret not found: ";
}
