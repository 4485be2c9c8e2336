using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>KV v1 and v2 reads against the fake Vault, token authentication, and the not-found cases.</summary>
public sealed class VaultKvReadTests : IAsyncLifetime
{
    private const string Canary = "canary-7f3e9c-pagerduty-value";
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        _vault = await FakeVault.StartAsync();
        _vault.EnableKv("kv", 1);
        _vault.EnableKv("secrets/sensu", 2);
        _vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = Canary, ["count"] = 987654 });
        _vault.WriteSecret("kv", "pagerduty", new Dictionary<string, object?> { ["key"] = Canary, ["ttl"] = "1h" });
        _vault.WriteSecret("kv", "a/b/c", new Dictionary<string, object?> { ["pw"] = Canary });
        _vault.WriteSecret("secrets/sensu", "ansible", new Dictionary<string, object?> { ["token"] = Canary });
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task Reads_kv_v2_with_path_and_key_and_sends_the_token_header()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var lookup = await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);

        Assert.Equal(Canary, lookup.Value.Reveal());
        Assert.Null(lookup.Lease);
        var request = Assert.Single(_vault.Requests);
        Assert.Equal("/v1/secret/data/pagerduty", request.Path);
        Assert.Equal(_vault.RootToken, request.Token);
    }

    [Fact]
    public async Task Reads_kv_v2_with_mount_path_and_key()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var lookup = await provider.GetAsync("secrets/sensu#ansible#token", CancellationToken.None);

        Assert.Equal(Canary, lookup.Value.Reveal());
        Assert.Equal("/v1/secrets/sensu/data/ansible", Assert.Single(_vault.Requests).Path);
    }

    [Fact]
    public async Task Reads_kv_v1_with_its_lease_duration()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v1"));

        var lookup = await provider.GetAsync("kv/pagerduty#key", CancellationToken.None);

        Assert.Equal(Canary, lookup.Value.Reveal());
        Assert.Equal(TimeSpan.FromHours(1), lookup.Lease);
        Assert.Equal("/v1/kv/pagerduty", Assert.Single(_vault.Requests).Path);
    }

    [Fact]
    public async Task Reads_kv_v1_with_mount_path_and_key_and_the_mount_default_lease()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v1"));

        var lookup = await provider.GetAsync("kv/a#b/c#pw", CancellationToken.None);

        Assert.Equal(Canary, lookup.Value.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(2_764_800), lookup.Lease);
        Assert.Equal("/v1/kv/a/b/c", Assert.Single(_vault.Requests).Path);
    }

    [Fact]
    public async Task A_wrong_token_is_permission_denied_without_the_token_in_the_message()
    {
        const string wrong = "hvs.not-a-real-token-1234";
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, wrong, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#key", Canary, wrong);

        Assert.Contains("403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("permission denied", ex.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Requests);
    }

    [Fact]
    public async Task A_missing_secret_is_not_found_and_not_retried()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/nothing#key", _vault.RootToken);

        Assert.Contains("secret not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("secret/data/nothing", ex.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Requests);
    }

    [Fact]
    public async Task A_missing_key_names_the_key_but_not_the_other_values()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#nokey", Canary, _vault.RootToken);

        Assert.Contains("secret not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no key \"nokey\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_string_value_is_refused_without_showing_it()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#count", Canary, "987654");

        Assert.Contains("holds a JSON number, not a string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_kv_v2_version_is_not_found()
    {
        _vault.DeleteSecret("secret", "pagerduty");
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#key", Canary);

        Assert.Contains("secret not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v2_mount_read_as_v1_is_not_found()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v1"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#key", Canary);

        Assert.Contains("secret not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_id_fails_without_a_request()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty");

        Assert.Contains("invalid id", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_vault.Requests);
    }

    [Fact]
    public async Task The_value_is_redacted_when_formatted()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var lookup = await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);

        Assert.DoesNotContain(Canary, $"{lookup.Value} {lookup}", StringComparison.Ordinal);
    }
}
