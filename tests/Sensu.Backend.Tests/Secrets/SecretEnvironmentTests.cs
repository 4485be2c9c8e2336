using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets;

public sealed class SecretEnvironmentTests
{
    private static readonly IReadOnlyList<(string, SecretValue)> Secrets = [("PD_TOKEN", new SecretValue("from-secret"))];

    [Fact]
    public void Handler_secrets_override_env_vars()
    {
        var env = SecretEnvironment.ForHandler(["HOME=/root"], null, ["PD_TOKEN=zzz", "OTHER=1"], Secrets);
        Assert.Equal("from-secret", env.Single(p => p.Key == "PD_TOKEN").Value);
        Assert.Equal(["HOME", "OTHER", "PD_TOKEN"], env.Select(p => p.Key));
    }

    [Fact]
    public void Check_env_vars_override_secrets()
    {
        var env = SecretEnvironment.ForCheck([], null, Secrets, ["PD_TOKEN=x"]);
        Assert.Equal("x", env.Single(p => p.Key == "PD_TOKEN").Value);
    }

    [Fact]
    public void Path_like_keys_prepend_and_entries_without_equals_are_dropped()
    {
        var env = SecretEnvironment.Merge(["PATH=/usr/bin", "JUNK"], ["PATH=/opt/asset/bin", "LD_LIBRARY_PATH=/opt/lib"]);
        Assert.Equal($"/opt/asset/bin{Path.PathSeparator}/usr/bin", env.Single(p => p.Key == "PATH").Value);
        Assert.Equal("/opt/lib", env.Single(p => p.Key == "LD_LIBRARY_PATH").Value);
        Assert.DoesNotContain(env, p => p.Key == "JUNK");
    }
}
