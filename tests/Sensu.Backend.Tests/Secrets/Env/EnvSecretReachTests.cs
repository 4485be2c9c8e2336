using Sensu.Backend.Secrets;
using Sensu.Execution;
using Sensu.Backend.Secrets.Env;

namespace Sensu.Backend.Tests.Secrets.Env;

public sealed class EnvSecretReachTests
{
    [Fact]
    public void The_default_allow_list_is_harmless()
    {
        Assert.All(ChildEnvironmentPolicy.DefaultAllowList, name => Assert.True(EnvSecretReach.IsHarmless(name), name));
    }

    [Theory]
    [InlineData("LC_MESSAGES", true)]
    [InlineData("SHELL", true)]
    [InlineData("SSL_CERT_FILE", true)]
    [InlineData("SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD", false)]
    [InlineData("SENSU_PAGERDUTY_KEY", false)]
    [InlineData("AWS_SECRET_ACCESS_KEY", false)]
    [InlineData("path", false)]
    public void Everything_outside_the_harmless_names_may_hold_a_secret(string name, bool harmless)
    {
        Assert.Equal(harmless, EnvSecretReach.IsHarmless(name));
        Assert.Equal(!harmless, EnvSecretReach.MayHoldSecret(name));
    }
}
