using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

public sealed class AssetCommandsTests
{
    [Fact]
    public async Task Add_WithoutVersion_TakesLatest_AndKeepsTheHubName()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync($"asset add sensu/sensu-pagerduty-handler --bonsai-url {hub.BaseAddress}")).AssertSuccess();

        Assert.Contains("no version specified, using latest: 2.0.0", run.Out);
        var info = (await cli.RunAsync(["asset", "info", "sensu/sensu-pagerduty-handler", "--format", "yaml"])).AssertSuccess();
        Assert.Contains("name: sensu/sensu-pagerduty-handler", info.Out);
        Assert.Contains("io.sensu.bonsai.version: 2.0.0", info.Out);
    }

    [Fact]
    public async Task Outdated_ListsAssetsBehindTheHub()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("asset add sensu/sensu-pagerduty-handler:1.2.0 -r pagerduty-handler")).AssertSuccess();

        var run = (await cli.RunAsync("asset outdated")).AssertSuccess();

        Assert.Contains("pagerduty-handler", run.Out);
        Assert.Contains("1.2.0", run.Out);
        Assert.Contains("2.0.0", run.Out);
    }

    [Fact]
    public async Task UnknownAsset_OrUnreachableHub_IsOneErrorLine()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var missing = (await cli.RunAsync($"asset add sensu/nope --bonsai-url {hub.BaseAddress}")).AssertFailure();
        Assert.Contains("bonsai api returned status code: 404", missing.Error);
        (await cli.RunAsync("asset add sensu/nope --bonsai-url http://127.0.0.1:1")).AssertFailure();
    }
}
