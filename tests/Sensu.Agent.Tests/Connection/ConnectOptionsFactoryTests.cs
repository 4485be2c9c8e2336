using Sensu.Agent.Connection;
using Sensu.Agent.Tests.Support;
using Sensu.Testing.Vault;

namespace Sensu.Agent.Tests.Connection;

public sealed class ConnectOptionsFactoryTests
{
    [Fact]
    public void Password_agents_send_user_and_password()
    {
        var options = AgentTestOptions.Create(o => o.Password = "pw");

        var connect = ConnectOptionsFactory.Create(options, ["linux", "entity:agent-under-test"]);

        Assert.Equal(("agent", "pw"), (connect.User, connect.Password));
        Assert.Null(connect.ClientCertificate);
        Assert.Equal("agent-under-test", connect.AgentName);
        Assert.Equal(["linux", "entity:agent-under-test"], connect.Subscriptions);
        Assert.Equal(TimeSpan.FromSeconds(15), connect.HandshakeTimeout);
    }

    [Fact]
    public void Certificate_agents_use_mtls_without_a_password_and_trust_the_ca_file()
    {
        using var pki = TestCertificates.Create();
        var options = AgentTestOptions.Create(o =>
        {
            o.CertFile = pki.ClientCertPath;
            o.KeyFile = pki.ClientKeyPath;
            o.TrustedCaFile = pki.CaCertPath;
        });

        var connect = ConnectOptionsFactory.Create(options, []);

        Assert.NotNull(connect.ClientCertificate);
        Assert.True(connect.ClientCertificate.HasPrivateKey);
        Assert.Null(connect.User);
        Assert.Null(connect.Password);
        Assert.Equal(pki.Ca.Thumbprint, Assert.Single(connect.TrustedCaCertificates!).Thumbprint);
    }
}
