using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// Issue 4 acceptance (the benchmark's claim, asserted): with a warm cache, no request at all reaches Vault for
/// a cached value within its TTL: KV v2 for the default TTL, KV v1 for its <c>lease_duration</c>.
/// </summary>
public sealed class WarmCacheTests : IAsyncLifetime
{
    private FakeVault _vault = null!;
    private SecretsHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _vault = await FakeVault.StartAsync();
        _vault.EnableKv("kv1", 1);
        _vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = "warm-v2-value-31" });
        _vault.WriteSecret("kv1", "pagerduty", new Dictionary<string, object?> { ["key"] = "warm-v1-value-31", ["ttl"] = "1h" });
        _harness = await SecretsHarness.StartAsync();
        foreach (var (name, version) in new[] { ("vault2", "v2"), ("vault1", "v1") })
        {
            await _harness.Resources.PutAsync(new VaultProvider
            {
                Metadata = new ObjectMeta { Name = name },
                Client = new VaultClientConfig { Address = _vault.Address, Token = _vault.RootToken, Version = version, Timeout = TimeSpan.FromSeconds(10) },
            }, CancellationToken.None);
        }
        await _harness.PutSecretAsync("default", "v2", "vault2", "secret/pagerduty#key");
        await _harness.PutSecretAsync("default", "v1", "vault1", "kv1/pagerduty#key");
        await SecretsHarness.EventuallyAsync(() => _harness.Registry.Find("vault1") is not null && _harness.Registry.Find("vault2") is not null
            && _harness.Services.GetService(typeof(Sensu.Backend.Secrets.SecretCatalog)) is Sensu.Backend.Secrets.SecretCatalog c && c.Find("default", "v1") is not null);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _vault.DisposeAsync();
    }

    [Theory]
    [InlineData("v2", "/v1/secret/data/pagerduty", 59, 61)]
    [InlineData("v1", "/v1/kv1/pagerduty", 3599, 3601)]
    public async Task No_vault_request_for_a_cached_value_within_its_ttl(string secret, string path, int withinSeconds, int pastSeconds)
    {
        List<SecretReference> refs = [new() { Name = "TOKEN", Secret = secret }];
        await _harness.Resolver.ResolveAsync("default", refs, "test", CancellationToken.None);
        Assert.Single(_vault.Requests, r => r.Path == path);
        _vault.ClearRequests();

        for (var i = 0; i < 1000; i++)
            await _harness.Resolver.ResolveAsync("default", refs, "test", CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(withinSeconds));
        var resolved = await _harness.Resolver.ResolveAsync("default", refs, "test", CancellationToken.None);

        Assert.Empty(_vault.Requests);
        Assert.StartsWith("warm-", resolved.Single().Value.Reveal(), StringComparison.Ordinal);

        _harness.Time.Advance(TimeSpan.FromSeconds(pastSeconds - withinSeconds));
        await _harness.Resolver.ResolveAsync("default", refs, "test", CancellationToken.None);
        Assert.Single(_vault.Requests, r => r.Path == path);
    }
}
