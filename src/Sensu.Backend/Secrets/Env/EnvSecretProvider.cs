namespace Sensu.Backend.Secrets.Env;

/// <summary>
/// The <c>Env</c> provider (secrets-spec §1.3): a secret's id is the name of an environment variable of the
/// backend process. Lookups are never cached (<see cref="SecretLookup.Lease"/> is zero): reading the process
/// environment costs less than the cache. A variable that is not set is <see cref="SecretErrorKind.SecretNotFound"/>.
/// The backend's own settings (<c>SENSU_BACKEND_*</c>: the cluster admin's password and API key among them) are never
/// served: a <c>Secret</c> naming one is refused as if the variable were not set, so no namespace user can read the
/// backend's credentials through a handler.
/// </summary>
public sealed class EnvSecretProvider(string name) : ISecretProvider
{
    /// <summary>The prefix of the backend's own settings in its environment.</summary>
    public const string BackendSettingsPrefix = "SENSU_BACKEND_";

    public string Name { get; } = name;

    public Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(id))
            throw new SecretLookupException(SecretErrorKind.InvalidSecretInfo, $"{Name}: invalid secret info: secret id (the name of an environment variable) is empty");
        if (id.StartsWith(BackendSettingsPrefix, StringComparison.OrdinalIgnoreCase))
            throw new SecretLookupException(SecretErrorKind.SecretNotFound, $"{Name}: secret not found: environment variable \"{id}\" is a backend setting and is never served");
        var value = Environment.GetEnvironmentVariable(id)
            ?? throw new SecretLookupException(SecretErrorKind.SecretNotFound, $"{Name}: secret not found: environment variable \"{id}\" is not set in the backend process");
        return Task.FromResult(new SecretLookup(new SecretValue(value), TimeSpan.Zero));
    }
}
