using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// The secrets layer itself; how the layers merge (secrets over env_vars for handlers, env_vars over secrets for checks) is
/// tested where it happens: PipelinedTests and the agent's CheckExecutorTests.
/// </summary>
public sealed class SecretEnvironmentTests
{
    [Fact]
    public void Entries_are_name_equals_clear_value()
    {
        IReadOnlyList<(string, SecretValue)> secrets = [("PD_TOKEN", new SecretValue("from-secret")), ("B", new SecretValue("x=y"))];
        Assert.Equal(["PD_TOKEN=from-secret", "B=x=y"], SecretEnvironment.Entries(secrets));
    }
}
