using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Backend.Secrets.Env;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>The registry over the real SQLite store and its change feed.</summary>
public sealed class SecretProviderRegistryTests
{
    [Fact]
    public async Task Builds_providers_at_start_and_rebuilds_on_change_without_restart()
    {
        var factory = new RecordingVaultFactory();
        await using var harness = await SecretsHarness.StartAsync(factory);
        Assert.IsType<EnvSecretProvider>(harness.Registry.Find("env"));
        Assert.Null(harness.Registry.Find("vault"));

        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => harness.Registry.Find("vault") is not null);
        var first = Assert.IsType<ScriptedSecretProvider>(harness.Registry.Find("vault"));

        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => !ReferenceEquals(harness.Registry.Find("vault"), first));
        // The new provider is published before the old one is disposed: wait for the dispose, do not race it.
        await SecretsHarness.EventuallyAsync(() => first.Disposed);
        Assert.Equal(2, factory.Built);

        var second = (ScriptedSecretProvider)harness.Registry.Find("vault")!;
        await harness.Resources.DeleteAsync(Sensu.Core.Registry.ResourceRegistry.For<VaultProvider>(), null, "vault", CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => harness.Registry.Find("vault") is null);
        await SecretsHarness.EventuallyAsync(() => second.Disposed);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_built_becomes_broken_and_its_token_is_scrubbed()
    {
        // The real Vault client; the TLS check of the API is bypassed here, so the bad file reaches the registry.
        await using var harness = await SecretsHarness.StartAsync();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "ca.pem");
        var resource = SecretProvidersTests.Vault("vault");
        resource.Client.Tls = new VaultTlsConfig { CaCert = missing };
        await harness.Resources.PutAsync(resource, CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => harness.Logs.Lines.Any(l => l.Contains("[7001]")));

        var broken = Assert.IsType<BrokenSecretProvider>(harness.Registry.Find("vault"));
        var error = await Assert.ThrowsAsync<SecretLookupException>(() => broken.GetAsync("secret/pd#key", CancellationToken.None));
        Assert.StartsWith("vault: secrets/v1.VaultProvider broken: cannot get secret \"secret/pd#key\": ", error.Message);
        Assert.Contains("ca.pem", error.Message);
        Assert.Equal("token REDACTED", harness.Scrubber.Scrub("token root-token"));
    }

    [Fact]
    public async Task A_provider_update_drops_its_cached_values()
    {
        var factory = new RecordingVaultFactory();
        await using var harness = await SecretsHarness.StartAsync(factory);
        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await harness.PutSecretAsync("default", "pd", "vault", "secret/pd#key");
        await SecretsHarness.EventuallyAsync(() => harness.Registry.Find("vault") is not null && harness.Services.GetService(typeof(SecretCatalog)) is SecretCatalog { Count: 1 });

        var refs = new List<Sensu.Core.Resources.Core.SecretReference> { new() { Name = "PD", Secret = "pd" } };
        await harness.Resolver.ResolveAsync("default", refs, CancellationToken.None);
        await harness.Resolver.ResolveAsync("default", refs, CancellationToken.None);
        Assert.Equal(1, factory.Last!.Calls);
        Assert.Equal(1, harness.Cache.Count);

        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => factory.Built == 2 && harness.Cache.Count == 0);
        await harness.Resolver.ResolveAsync("default", refs, CancellationToken.None);
        Assert.Equal(1, factory.Last!.Calls);
    }

    [Fact]
    public async Task A_secret_update_drops_the_cached_value()
    {
        var factory = new RecordingVaultFactory();
        await using var harness = await SecretsHarness.StartAsync(factory);
        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await harness.PutSecretAsync("default", "pd", "vault", "secret/pd#key");
        await SecretsHarness.EventuallyAsync(() => harness.Registry.Find("vault") is not null);
        var catalog = (SecretCatalog)harness.Services.GetService(typeof(SecretCatalog))!;
        await SecretsHarness.EventuallyAsync(() => catalog.Count == 1);

        var refs = new List<Sensu.Core.Resources.Core.SecretReference> { new() { Name = "PD", Secret = "pd" } };
        await harness.Resolver.ResolveAsync("default", refs, CancellationToken.None);
        Assert.Equal(1, harness.Cache.Count);

        await harness.Resources.PutAsync(new Secret { Id = "secret/pd#key", Provider = "vault", Metadata = new ObjectMeta { Name = "pd", Namespace = "default", Labels = new() { ["touched"] = "yes" } } }, CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => harness.Cache.Count == 0);
        await harness.Resolver.ResolveAsync("default", refs, CancellationToken.None);
        Assert.Equal(2, factory.Last!.Calls);
    }

    [Fact]
    public async Task Stopping_disposes_every_provider()
    {
        var factory = new RecordingVaultFactory();
        await using var harness = await SecretsHarness.StartAsync(factory);
        await harness.Resources.PutAsync(SecretProvidersTests.Vault("vault"), CancellationToken.None);
        await SecretsHarness.EventuallyAsync(() => harness.Registry.Find("vault") is not null);
        var provider = (ScriptedSecretProvider)harness.Registry.Find("vault")!;

        await harness.Registry.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(provider.Disposed);
        Assert.Equal(0, harness.Registry.Count);
    }

    /// <summary>Stands in for the Vault client: each build is a fresh scripted provider with a long lease.</summary>
    internal sealed class RecordingVaultFactory : SecretProviderFactory<VaultProvider>
    {
        public int Built { get; private set; }

        public ScriptedSecretProvider? Last { get; private set; }

        protected override ISecretProvider Create(VaultProvider resource)
        {
            Built++;
            Last = new ScriptedSecretProvider(resource.Metadata.Name!, TimeSpan.FromHours(1)) { Values = { ["secret/pd#key"] = "pd-value-123" } };
            return Last;
        }
    }
}
