using Microsoft.Extensions.Logging;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Vault;
using Sensu.Backend.Tests.Secrets.Vault;
using Sensu.Core.Resources.Secrets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Tests.Secrets.Faults;

/// <summary>The backend's Vault factory with retry waits of tens of milliseconds instead of Vault's 1–1.5 s.</summary>
internal sealed class FastRetryVaultFactory(TimeProvider time, ILoggerFactory loggers, SecretScrubber scrubber) : SecretProviderFactory<VaultProvider>
{
    protected override ISecretProvider Create(VaultProvider resource)
    {
        if (resource.Client.Token is { Length: > 0 } token)
            scrubber.Register(token);
        return VaultSecretProvider.Create(resource, time, loggers.CreateLogger<VaultSecretProvider>(), VaultTestSetup.FastRetries);
    }
}
