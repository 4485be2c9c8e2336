using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Vault;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>Builds VaultProvider resources and clients for tests; retry waits are shortened to tens of milliseconds.</summary>
internal static class VaultTestSetup
{
    public static readonly VaultRetryTiming FastRetries = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));

    public static VaultProvider Resource(string address, string? token, string version, Action<VaultClientConfig>? configure = null)
    {
        var provider = new VaultProvider
        {
            Metadata = new ObjectMeta { Name = "vault" },
            Client = new VaultClientConfig { Address = address, Token = token, Version = version, Timeout = TimeSpan.FromSeconds(10) },
        };
        configure?.Invoke(provider.Client);
        return provider;
    }

    public static VaultSecretProvider Client(VaultProvider resource, TimeProvider? time = null) =>
        VaultSecretProvider.Create(resource, time ?? TimeProvider.System, NullLogger.Instance, FastRetries);

    /// <summary>Asserts the lookup fails and its message names provider and id, but no secret value and no token.</summary>
    public static async Task<SecretLookupException> FailsAsync(ISecretProvider provider, string id, params string[] forbidden)
    {
        var ex = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync(id, CancellationToken.None));
        Assert.Contains("\"vault\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{id}\"", ex.Message, StringComparison.Ordinal);
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            foreach (var text in forbidden)
                Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
        }
        return ex;
    }
}
