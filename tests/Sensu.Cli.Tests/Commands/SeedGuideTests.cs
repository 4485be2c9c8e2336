using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;
using Sensu.Testing;

namespace Sensu.Cli.Tests.Commands;

/// <summary>Every sensuctl command of reference/seed-secrets-management.md, as written, against a fresh backend.</summary>
public sealed class SeedGuideTests
{
    [Fact]
    public async Task TheGuide_RunsAsWritten()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString();
        await cli.ConfigureAsync(backend);

        var created = (await cli.RunAsync("create", SeedGuide.EnvSecret)).AssertSuccess();
        Assert.Contains("Created Secret \"pagerduty_key\" in namespace \"default\"", created.Out);
        (await cli.RunAsync("create", SeedGuide.VaultProvider)).AssertSuccess();
        (await cli.RunAsync("create", SeedGuide.VaultSecret)).AssertSuccess();

        var added = (await cli.RunAsync("asset add sensu/sensu-pagerduty-handler:1.2.0 -r pagerduty-handler")).AssertSuccess();
        Assert.Contains("added asset: sensu/sensu-pagerduty-handler:1.2.0", added.Out);
        Assert.Contains("/api/v1/assets/sensu/sensu-pagerduty-handler/1.2.0/release_asset_builds", hub.Requests);

        var list = (await cli.RunAsync("asset list --format yaml")).AssertSuccess();
        Assert.Contains("type: Asset", list.Out);
        Assert.Contains("name: pagerduty-handler", list.Out);
        Assert.Contains("sensu-pagerduty-handler_1.2.0_linux_amd64.tar.gz", list.Out);

        (await cli.RunAsync("create", SeedGuide.Handler)).AssertSuccess();

        var secret = JsonNode.Parse((await cli.RunAsync("secret info pagerduty_key --format json")).AssertSuccess().Out)!;
        Assert.Equal("vault", secret["spec"]?["provider"]?.GetValue<string>() ?? secret["provider"]?.GetValue<string>());
        var handler = JsonNode.Parse((await cli.RunAsync("handler info pagerduty --format json")).AssertSuccess().Out)!;
        Assert.Equal("pagerduty_key", handler["secrets"]![0]!["secret"]!.GetValue<string>());
        Assert.Equal("sensuctl", handler["metadata"]!["labels"]!["sensu.io/managed_by"]!.GetValue<string>());
        var providers = (await cli.RunAsync("provider list")).AssertSuccess();
        Assert.Contains("vault", providers.Out);
        Assert.Contains("env", providers.Out);
    }
}
