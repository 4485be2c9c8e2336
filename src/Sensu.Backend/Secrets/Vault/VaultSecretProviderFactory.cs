using Microsoft.Extensions.Logging;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Builds the <c>VaultProvider</c> kind: a <see cref="VaultSecretProvider"/> with its own HTTP client. The provider's
/// token is registered with the <see cref="SecretScrubber"/> first: it is a secret too, and must not reach a log.
/// </summary>
public sealed class VaultSecretProviderFactory(TimeProvider time, ILoggerFactory loggers, SecretScrubber scrubber) : SecretProviderFactory<VaultProvider>
{
    protected override ISecretProvider Create(VaultProvider resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Client.Token is { Length: > 0 } token)
            scrubber.Register(token);
        return VaultSecretProvider.Create(resource, time, loggers.CreateLogger<VaultSecretProvider>());
    }
}
