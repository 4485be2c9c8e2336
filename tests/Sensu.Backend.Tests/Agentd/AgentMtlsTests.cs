using Sensu.Backend.Agentd;
using Sensu.Testing.Vault;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

public sealed class AgentMtlsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TestCertificates pki = TestCertificates.Create();
    private readonly string serverCert;
    private readonly string serverKey;

    public AgentMtlsTests()
    {
        serverCert = Path.Combine(pki.Directory, "server.pem");
        serverKey = Path.Combine(pki.Directory, "server-key.pem");
        File.WriteAllText(serverCert, pki.Server.ExportCertificatePem());
        using var key = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPrivateKey(pki.Server)!;
        File.WriteAllText(serverKey, key.ExportPkcs8PrivateKeyPem());
    }

    [Fact]
    public async Task Certificate_sessions_get_secrets_and_other_certificates_and_passwords_are_refused()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync(o =>
        {
            o.AgentAuthCertFile = serverCert;
            o.AgentAuthKeyFile = serverKey;
            o.AgentAuthTrustedCaFile = pki.CaCertPath;
        });
        Assert.Equal("wss", harness.Backend.AgentUrl.Scheme);

        await using var agent = await harness.ConnectAsync(AgentdHarness.Certificate("m1", pki.Client, pki.Ca, "linux"), cts.Token);
        var publisher = (ICheckRequestPublisher)harness.Backend.Services.GetService(typeof(ICheckRequestPublisher))!;
        await publisher.PublishAsync("default", "linux", AgentMessageTests.Request("with-secret", ["TOKEN=s3cr3t"]), cts.Token);
        var request = AgentdHarness.DecodeRequest(await AgentdHarness.ReceiveAsync(agent, TimeSpan.FromSeconds(15), cts.Token));

        var wrongCa = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            AgentConnector.ConnectAsync(harness.Backend.AgentUrl, AgentdHarness.Certificate("m2", pki.OtherClient, pki.Ca), cts.Token));
        var password = AgentdHarness.Password("m3");
        password.TrustedCaCertificates = [pki.Ca];
        var passwordRefused = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            AgentConnector.ConnectAsync(harness.Backend.AgentUrl, password, cts.Token));

        Assert.Equal(["TOKEN=s3cr3t"], request!.Secrets);
        Assert.True(harness.Sessions.Find("default", "m1")!.Identity.CertificateAuthenticated);
        Assert.Null(harness.Sessions.Find("default", "m2"));
        Assert.Equal(401, passwordRefused.StatusCode);
        Assert.Null(harness.Sessions.Find("default", "m3"));
        Assert.NotNull(wrongCa);
    }

    [Fact]
    public async Task Untrusted_backend_certificate_is_refused_by_the_agent()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync(o =>
        {
            o.CertFile = serverCert;
            o.KeyFile = serverKey;
        });

        var options = AgentdHarness.Password("t1");
        var refused = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            AgentConnector.ConnectAsync(harness.Backend.AgentUrl, options, cts.Token));
        options.TrustedCaCertificates = [pki.Ca];
        await using var trusted = await harness.ConnectAsync(options, cts.Token);

        Assert.Null(refused.StatusCode);
        Assert.False(harness.Sessions.Find("default", "t1")!.Identity.CertificateAuthenticated);
    }

    public void Dispose() => pki.Dispose();
}
