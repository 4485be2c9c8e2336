using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Secrets.Vault;
using Sensu.Core.Resources.Secrets;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>TLS: server verification with <c>ca_cert</c>, certificate login over mutual TLS, token expiry and renewal.</summary>
public sealed class VaultCertAuthTests : IAsyncLifetime
{
    private const string Canary = "canary-cert-auth-value-51a0";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private TestCertificates _pki = null!;
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        _pki = TestCertificates.Create();
        _vault = await FakeVault.StartAsync(new FakeVaultOptions { ServerCertificate = _pki.Server, Time = _time });
        _vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = Canary });
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        _pki.Dispose();
    }

    [Fact]
    public async Task Token_auth_over_https_verifies_the_server_with_ca_cert()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2",
            c => c.Tls = new VaultTlsConfig { CaCert = _pki.CaCertPath }), _time);

        Assert.Equal(Canary, (await provider.GetAsync("secret/pagerduty#key", CancellationToken.None)).Value.Reveal());
    }

    [Fact]
    public async Task An_untrusted_server_certificate_fails_without_retrying()
    {
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2"));

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#key", _vault.RootToken);

        Assert.Contains("provider not available", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SSL", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_vault.Requests);
    }

    [Fact]
    public async Task A_wrong_tls_server_name_is_refused_and_insecure_skips_the_check()
    {
        using var wrongName = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2",
            c => c.Tls = new VaultTlsConfig { CaCert = _pki.CaCertPath, TlsServerName = "vault.example.com" }), _time);
        using var insecure = VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2",
            c => c.Tls = new VaultTlsConfig { Insecure = true }), _time);

        await VaultTestSetup.FailsAsync(wrongName, "secret/pagerduty#key");
        Assert.Equal(Canary, (await insecure.GetAsync("secret/pagerduty#key", CancellationToken.None)).Value.Reveal());
    }

    [Fact]
    public async Task Cert_auth_logs_in_with_the_client_certificate_and_reuses_the_token()
    {
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromHours(1));
        using var provider = VaultTestSetup.Client(CertAuthResource(_pki.ClientCertPath, _pki.ClientKeyPath), _time);

        Assert.Equal(Canary, (await provider.GetAsync("secret/pagerduty#key", CancellationToken.None)).Value.Reveal());
        Assert.Equal(Canary, (await provider.GetAsync("secret/pagerduty#key", CancellationToken.None)).Value.Reveal());

        Assert.Equal(["/v1/auth/cert/login", "/v1/secret/data/pagerduty", "/v1/secret/data/pagerduty"], _vault.Requests.Select(r => r.Path));
        Assert.True(_vault.Requests[0].ClientCertificate);
        Assert.NotNull(_vault.Requests[1].Token);
        Assert.NotEqual(_vault.RootToken, _vault.Requests[1].Token);
    }

    [Fact]
    public async Task Cert_auth_sends_cname_as_the_role_name()
    {
        _vault.RegisterCertificate("other-role", _pki.Client, TimeSpan.FromHours(1));
        using var named = VaultTestSetup.Client(CertAuthResource(_pki.ClientCertPath, _pki.ClientKeyPath, cname: "sensu-backend"), _time);

        var ex = await VaultTestSetup.FailsAsync(named, "secret/pagerduty#key");

        Assert.Contains("TLS certificate login failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_certificate_is_refused_with_a_clear_message()
    {
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromHours(1));
        using var provider = VaultTestSetup.Client(CertAuthResource(_pki.OtherClientCertPath, _pki.OtherClientKeyPath), _time);

        var ex = await VaultTestSetup.FailsAsync(provider, "secret/pagerduty#key", Canary);

        Assert.Contains("TLS certificate login failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid certificate or no client certificate supplied", ex.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Requests);
    }

    [Fact]
    public async Task Logs_in_again_when_the_token_expires()
    {
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromMinutes(1), renewable: false);
        using var provider = VaultTestSetup.Client(CertAuthResource(_pki.ClientCertPath, _pki.ClientKeyPath), _time);

        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);

        Assert.Equal(2, _vault.Requests.Count(r => r.Path == "/v1/auth/cert/login"));
        Assert.DoesNotContain(_vault.Requests, r => r.Status == 403);
    }

    [Fact]
    public async Task Logs_in_again_when_vault_answers_403()
    {
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromHours(1));
        using var provider = VaultTestSetup.Client(CertAuthResource(_pki.ClientCertPath, _pki.ClientKeyPath), _time);
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _vault.RevokeToken(_vault.Requests[1].Token!);

        Assert.Equal(Canary, (await provider.GetAsync("secret/pagerduty#key", CancellationToken.None)).Value.Reveal());

        Assert.Equal(
            ["/v1/auth/cert/login", "/v1/secret/data/pagerduty", "/v1/secret/data/pagerduty", "/v1/auth/cert/login", "/v1/secret/data/pagerduty"],
            _vault.Requests.Select(r => r.Path));
        Assert.Equal(403, _vault.Requests[2].Status);
    }

    [Fact]
    public async Task Renews_a_renewable_token_before_it_expires()
    {
        _vault.RegisterCertificate("sensu-backend", _pki.Client, TimeSpan.FromMinutes(1), renewable: true);
        using var provider = VaultTestSetup.Client(CertAuthResource(_pki.ClientCertPath, _pki.ClientKeyPath), _time);

        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(45));
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(45));
        await provider.GetAsync("secret/pagerduty#key", CancellationToken.None);

        Assert.Equal(1, _vault.Requests.Count(r => r.Path == "/v1/auth/cert/login"));
        Assert.Equal(2, _vault.Requests.Count(r => r.Path == "/v1/auth/token/renew-self" && r.Status == 200));
        Assert.All(_vault.Requests.Where(r => r.Path == "/v1/secret/data/pagerduty"), r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public void Missing_tls_files_fail_the_build_with_a_clear_message()
    {
        var missing = Path.Combine(_pki.Directory, "nope.pem");

        var ex = Assert.Throws<VaultProviderBuildException>(() => VaultTestSetup.Client(CertAuthResource(missing, _pki.ClientKeyPath)));
        Assert.Contains("tls.client_cert", ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);

        var badCa = Assert.Throws<VaultProviderBuildException>(() => VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, "t", "v2",
            c => c.Tls = new VaultTlsConfig { CaCert = _pki.ClientKeyPath })));
        Assert.Contains("tls.ca_cert", badCa.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_configuration_fails_the_build()
    {
        var ex = Assert.Throws<VaultProviderBuildException>(() => VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, "t", "v3")));
        Assert.Contains("version", ex.Message, StringComparison.Ordinal);

        var badToken = Assert.Throws<VaultProviderBuildException>(() => VaultTestSetup.Client(VaultTestSetup.Resource(_vault.Address, "s3cr3t\nX-Other: 1", "v2")));
        Assert.Contains("printable", badToken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", badToken.Message, StringComparison.Ordinal);
    }

    private VaultProvider CertAuthResource(string cert, string key, string cname = "") =>
        VaultTestSetup.Resource(_vault.Address, null, "v2", c => c.Tls = new VaultTlsConfig
        {
            CaCert = _pki.CaCertPath,
            ClientCert = cert,
            ClientKey = key,
            Cname = cname,
        });
}
