using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Backend.Secrets.Env;

namespace Sensu.Backend.Tests.Secrets;

public sealed class SecretProvidersTests
{
    [Fact]
    public async Task Env_provider_reads_the_backend_process_environment()
    {
        var variable = "SENSU_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            var lookup = await new EnvSecretProvider("env").GetAsync(variable, CancellationToken.None);
            Assert.Equal("from-env", lookup.Value.Reveal());
            Assert.Equal(TimeSpan.Zero, lookup.Lease);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Env_provider_names_the_missing_variable()
    {
        var variable = "SENSU_TEST_MISSING_" + Guid.NewGuid().ToString("N");
        var error = await Assert.ThrowsAsync<SecretLookupException>(() => new EnvSecretProvider("env").GetAsync(variable, CancellationToken.None));
        Assert.Equal($"env: secret not found: environment variable \"{variable}\" is not set in the backend process", error.Message);
    }

    [Fact]
    public async Task Env_provider_never_serves_the_backends_own_settings()
    {
        var variable = "SENSU_BACKEND_TEST_SETTING_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "backend-credential-value");
        try
        {
            var error = await Assert.ThrowsAsync<SecretLookupException>(() => new EnvSecretProvider("env").GetAsync(variable, CancellationToken.None));
            Assert.Equal(SecretErrorKind.SecretNotFound, error.Kind);
            Assert.DoesNotContain("backend-credential-value", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<SecretLookupException>(() => new EnvSecretProvider("env").GetAsync(variable.ToLowerInvariant(), CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Broken_provider_explains_every_lookup()
    {
        var broken = new BrokenSecretProvider("vault", "secrets/v1", "VaultProvider", "both client cert and client key must be provided");
        var error = await Assert.ThrowsAsync<SecretLookupException>(() => broken.GetAsync("secret/pagerduty#key", CancellationToken.None));
        Assert.Equal("vault: secrets/v1.VaultProvider broken: cannot get secret \"secret/pagerduty#key\": both client cert and client key must be provided", error.Message);
    }

    [Fact]
    public async Task Vault_provider_without_a_client_is_broken()
    {
        var provider = new SecretProviderBuilder([new EnvSecretProviderFactory()]).Build(Vault("vault"));
        var error = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync("secret/a#b", CancellationToken.None));
        Assert.Equal($"vault: secrets/v1.VaultProvider broken: cannot get secret \"secret/a#b\": {SecretProviderBuilder.NoFactory("secrets/v1.VaultProvider")}", error.Message);
    }

    [Fact]
    public async Task Vault_client_that_cannot_be_built_is_broken_with_its_cause()
    {
        var provider = new SecretProviderBuilder([new ThrowingVaultFactory("tls.ca_cert: no such file")]).Build(Vault("corp"));
        var broken = Assert.IsType<BrokenSecretProvider>(provider);
        Assert.Equal("corp", broken.Name);
        var error = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync("x#y", CancellationToken.None));
        Assert.EndsWith("broken: cannot get secret \"x#y\": tls.ca_cert: no such file", error.Message);
    }

    [Fact]
    public void Env_resource_builds_an_env_provider()
    {
        var provider = new SecretProviderBuilder([new EnvSecretProviderFactory()]).Build(new EnvProvider { Metadata = new ObjectMeta { Name = "env" } });
        Assert.IsType<EnvSecretProvider>(provider);
        Assert.Equal("env", provider.Name);
    }

    internal static VaultProvider Vault(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Client = new VaultClientConfig { Address = "http://127.0.0.1:8200", Token = "root-token", Version = "v2" },
    };

    private sealed class ThrowingVaultFactory(string cause) : SecretProviderFactory<VaultProvider>
    {
        protected override ISecretProvider Create(VaultProvider resource) => throw new InvalidOperationException(cause);
    }
}
