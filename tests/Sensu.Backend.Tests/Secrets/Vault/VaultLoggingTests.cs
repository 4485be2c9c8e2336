using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Secrets.Vault;
using Sensu.Core.Resources.Secrets;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>Log lines of the Vault client carry event ids 7100–7199 and never a secret value or a token.</summary>
public sealed class VaultLoggingTests : IAsyncLifetime
{
    private const string Canary = "canary-logging-value-0c41";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private TestCertificates _pki = null!;
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        _pki = TestCertificates.Create();
        _vault = await FakeVault.StartAsync(new FakeVaultOptions { ServerCertificate = _pki.Server, Time = _time });
        _vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = Canary, ["n"] = 1 });
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromMinutes(1), renewable: true);
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        _pki.Dispose();
    }

    [Fact]
    public async Task Logs_never_contain_values_or_tokens()
    {
        var logger = new CapturingLogger();
        var resource = VaultTestSetup.Resource(_vault.Address, null, "v2", c =>
        {
            c.MaxRetries = 1;
            c.Tls = new VaultTlsConfig { CaCert = _pki.CaCertPath, ClientCert = _pki.ClientCertPath, ClientKey = _pki.ClientKeyPath };
        });
        using var provider = VaultSecretProvider.Create(resource, _time, logger, VaultTestSetup.FastRetries);

        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(45));
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _vault.RevokeToken(_vault.Requests.Last().Token!);
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#n", Canary);
        await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#missing", Canary);

        var tokens = _vault.Requests.Select(r => r.Token).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(tokens);
        Assert.NotEmpty(logger.Lines);
        Assert.Contains(logger.Lines, l => l.StartsWith("7101 ", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.StartsWith("7102 ", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.StartsWith("7104 ", StringComparison.Ordinal));
        foreach (var line in logger.Lines)
        {
            Assert.DoesNotContain(Canary, line, StringComparison.Ordinal);
            foreach (var token in tokens)
                Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Concurrent_lookups_share_one_certificate_login()
    {
        var resource = VaultTestSetup.Resource(_vault.Address, null, "v2", c =>
            c.Tls = new VaultTlsConfig { CaCert = _pki.CaCertPath, ClientCert = _pki.ClientCertPath, ClientKey = _pki.ClientKeyPath });
        using var provider = VaultTestSetup.Client(resource, _time);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => provider.GetAsync("secret/pagerduty#key", CancellationToken.None)));

        Assert.All(lookups, l => Assert.Equal(Canary, l.Value.Reveal()));
        Assert.Equal(1, _vault.Requests.Count(r => r.Path == "/v1/auth/cert/login"));
    }
}
