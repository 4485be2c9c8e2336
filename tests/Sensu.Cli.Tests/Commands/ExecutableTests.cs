using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

/// <summary>The seed guide's path through the real executable: piped standard input, env vars, exit codes.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task SeedGuide_ThroughTheExecutable()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var temp = new CliHarness();
        var env = new Dictionary<string, string>
        {
            ["SENSU_CONFIG_DIR"] = temp.ConfigDir,
            ["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString(),
        };

        (await SensuctlProcess.RunAsync(["configure", "-n", "--url", backend.BaseAddress.ToString(), "--username", "admin", "--password", "P@ssw0rd!"], env)).AssertSuccess();
        var created = (await SensuctlProcess.RunAsync(["create"], env, Sensu.Testing.SeedGuide.EnvSecret)).AssertSuccess();
        Assert.Contains("Secret \"pagerduty_key\"", created.Out);
        (await SensuctlProcess.RunAsync(["asset", "add", "sensu/sensu-pagerduty-handler:1.2.0", "-r", "pagerduty-handler"], env)).AssertSuccess();
        var list = (await SensuctlProcess.RunAsync(["asset", "list", "--format", "yaml"], env)).AssertSuccess();
        Assert.Contains("name: pagerduty-handler", list.Out);

        var missing = await SensuctlProcess.RunAsync(["asset", "add", "sensu/sensu-pagerduty-handler:9.9.9"], env);
        missing.AssertFailure();
        Assert.Contains("1.1.0, 1.2.0, 2.0.0", missing.Error);
        var malformed = await SensuctlProcess.RunAsync(["create"], env, "type: Handler\nspec: [not, an, object]\n");
        malformed.AssertFailure();
    }
}
