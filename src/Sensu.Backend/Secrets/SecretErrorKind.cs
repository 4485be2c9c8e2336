namespace Sensu.Backend.Secrets;

/// <summary>
/// Sensu's kinds of secret resolution failure (secrets-spec §4.2). The kind decides the backend <c>secrets</c>
/// event: <see cref="ProviderNotAvailable"/> publishes status 2, <see cref="SecretNotFound"/> status 0 (the
/// provider answered; the secret just is not there), the others publish nothing.
/// </summary>
public enum SecretErrorKind
{
    /// <summary>Anything else (an unexpected failure inside a provider).</summary>
    Other = 0,

    /// <summary><c>invalid secret info: &lt;name&gt;</c>: no Secret of that name in the namespace, or an id the provider cannot parse.</summary>
    InvalidSecretInfo,

    /// <summary><c>secret provider not available: ...</c>: unreachable, too slow, sealed, throttled past the retries, refused credentials, TLS failure, or broken configuration.</summary>
    ProviderNotAvailable,

    /// <summary><c>secret provider not found: &lt;name&gt;</c>: the Secret names a provider that does not exist.</summary>
    ProviderNotFound,

    /// <summary><c>secret not found: ...</c>: the provider answered, but has no such secret or key.</summary>
    SecretNotFound,

    /// <summary><c>no secret provider defined</c>: no provider exists at all.</summary>
    NoProviderDefined,
}
