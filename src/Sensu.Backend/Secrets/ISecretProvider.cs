namespace Sensu.Backend.Secrets;

/// <summary>
/// One built secrets provider (the <c>env</c> provider, a Vault client, or a broken provider that explains why
/// it could not be built). Looks a secret up by the provider-specific id of a <c>Secret</c> resource.
/// </summary>
public interface ISecretProvider
{
    /// <summary>Provider name (metadata.name of the provider resource).</summary>
    string Name { get; }

    /// <summary>
    /// Returns the value of <paramref name="id"/>, with how long it may be cached (null: use the default TTL).
    /// Throws <see cref="SecretLookupException"/> with a message that names the provider, the id and the cause,
    /// never the value.
    /// </summary>
    Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken);
}
