using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>Resolution (secrets-spec §4.2) over the real store: all or nothing, Sensu's error texts.</summary>
public sealed class SecretsResolverTests : IAsyncLifetime
{
    private readonly string _variable = "SENSU_TEST_PD_" + Guid.NewGuid().ToString("N");
    private readonly string _empty = "SENSU_TEST_EMPTY_" + Guid.NewGuid().ToString("N");
    private SecretProviderRegistryTests.RecordingVaultFactory _vault = null!;
    private SecretsHarness _harness = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, "env-value-42");
        Environment.SetEnvironmentVariable(_empty, "");
        _vault = new SecretProviderRegistryTests.RecordingVaultFactory();
        _harness = await SecretsHarness.StartAsync(_vault);
        await _harness.PutSecretAsync("default", "pagerduty_key", "env", _variable);
        await _harness.PutSecretAsync("default", "empty", "env", _empty);
        await _harness.PutSecretAsync("default", "missing_var", "env", "SENSU_TEST_NOT_SET_" + Guid.NewGuid().ToString("N"));
        await _harness.PutSecretAsync("default", "elsewhere", "vault2", "x#y");
        await _harness.PutSecretAsync("ops", "only_in_ops", "env", _variable);
        var catalog = (SecretCatalog)_harness.Services.GetService(typeof(SecretCatalog))!;
        await SecretsHarness.EventuallyAsync(() => catalog.Count == 5);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Environment.SetEnvironmentVariable(_empty, null);
        await _harness.DisposeAsync();
    }

    private static List<SecretReference> Refs(params (string Name, string Secret)[] refs) =>
        refs.Select(r => new SecretReference { Name = r.Name, Secret = r.Secret }).ToList();

    [Fact]
    public async Task Resolves_env_secrets_into_named_variables_and_registers_them_for_scrubbing()
    {
        var resolved = await _harness.Resolver.ResolveAsync("default", Refs(("PD_TOKEN", "pagerduty_key")), CancellationToken.None);
        var (name, value) = Assert.Single(resolved);
        Assert.Equal("PD_TOKEN", name);
        Assert.Equal("env-value-42", value.Reveal());
        Assert.Equal("token REDACTED", _harness.Scrubber.Scrub("token env-value-42"));
        Assert.Contains(_harness.Logs.Lines, l => l.Contains("[7010]") && l.Contains("pagerduty_key") && l.Contains("env"));
        Assert.DoesNotContain("env-value-42", _harness.Logs.All);
    }

    [Fact]
    public async Task No_references_resolve_to_nothing()
    {
        Assert.Empty(await _harness.Resolver.ResolveAsync("default", null, CancellationToken.None));
        Assert.Empty(await _harness.Resolver.ResolveAsync("default", [], CancellationToken.None));
    }

    [Fact]
    public async Task Empty_values_are_skipped()
    {
        var resolved = await _harness.Resolver.ResolveAsync("default", Refs(("A", "empty"), ("B", "pagerduty_key")), CancellationToken.None);
        Assert.Equal(["B"], resolved.Select(r => r.EnvName));
    }

    [Fact]
    public async Task A_secret_of_another_namespace_is_invalid_secret_info()
    {
        var error = await Assert.ThrowsAsync<SecretLookupException>(() =>
            _harness.Resolver.ResolveAsync("default", Refs(("X", "only_in_ops")), CancellationToken.None));
        Assert.Equal("invalid secret info: only_in_ops", error.Message);
        Assert.Contains(_harness.Logs.Lines, l => l.Contains("[7011]") && l.Contains("only_in_ops"));
    }

    [Fact]
    public async Task An_unknown_provider_is_named()
    {
        var error = await Assert.ThrowsAsync<SecretLookupException>(() =>
            _harness.Resolver.ResolveAsync("default", Refs(("X", "elsewhere")), CancellationToken.None));
        Assert.Equal("secret provider not found: vault2", error.Message);
    }

    [Fact]
    public async Task All_or_nothing_the_first_failure_wins_and_nothing_is_returned()
    {
        var error = await Assert.ThrowsAsync<SecretLookupException>(() =>
            _harness.Resolver.ResolveAsync("default", Refs(("OK", "pagerduty_key"), ("BAD", "missing_var"), ("NEVER", "elsewhere")), CancellationToken.None));
        Assert.StartsWith("env: secret not found: environment variable \"SENSU_TEST_NOT_SET_", error.Message);
    }

    [Fact]
    public async Task Without_any_provider_nothing_can_be_resolved()
    {
        await using var bare = await SecretsHarness.StartAsync(withEnvProvider: false);
        var error = await Assert.ThrowsAsync<SecretLookupException>(() =>
            bare.Resolver.ResolveAsync("default", Refs(("X", "anything")), CancellationToken.None));
        Assert.Equal("no secret provider defined", error.Message);
        Assert.Empty(await bare.Resolver.ResolveAsync("default", null, CancellationToken.None));
    }
}
