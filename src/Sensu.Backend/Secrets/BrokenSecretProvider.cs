namespace Sensu.Backend.Secrets;

/// <summary>
/// Stands in for a provider resource that could not be built (bad TLS file, bad configuration, no client for
/// its type): every lookup fails with <c>&lt;name&gt;: &lt;api_version&gt;.&lt;type&gt; broken: cannot get secret
/// "&lt;id&gt;": &lt;cause&gt;</c>, so the cause shows where the secret was needed, not only in the log
/// (secrets-spec §1.6). The failure is of kind <see cref="SecretErrorKind.ProviderNotAvailable"/>: the provider
/// cannot serve anything until its resource is fixed, which deserves the critical backend event.
/// </summary>
public sealed class BrokenSecretProvider(string name, string apiVersion, string type, string cause) : ISecretProvider
{
    public string Name { get; } = name;

    /// <summary>Why the provider could not be built.</summary>
    public string Cause { get; } = cause;

    public string ApiVersion { get; } = apiVersion;

    public string Type { get; } = type;

    public Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromException<SecretLookup>(new SecretLookupException(SecretErrorKind.ProviderNotAvailable, $"{Name}: {ApiVersion}.{Type} broken: cannot get secret \"{id}\": {Cause}"));
}
