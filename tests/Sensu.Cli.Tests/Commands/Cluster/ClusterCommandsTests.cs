using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Cluster;

public sealed class ClusterCommandsTests
{
    [Fact]
    public async Task Health_id_and_member_list_report_the_backend_and_its_store_and_membership_verbs_are_refused()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var health = (await cli.RunAsync("cluster health")).AssertSuccess().Out;
        Assert.Contains("Healthy", health, StringComparison.Ordinal);
        Assert.Contains("true", health, StringComparison.Ordinal);
        var json = JsonNode.Parse((await cli.RunAsync("cluster health --format json")).AssertSuccess().Out)!;
        Assert.True(json["ClusterHealth"]![0]!["Healthy"]!.GetValue<bool>());
        Assert.Contains("sensu cluster id:", (await cli.RunAsync("cluster id")).AssertSuccess().Out, StringComparison.Ordinal);
        Assert.Contains("Client URLs", (await cli.RunAsync("cluster member-list")).AssertSuccess().Out, StringComparison.Ordinal);

        var refused = (await cli.RunAsync("cluster member-remove 2f7ae42c315f8c2d")).AssertFailure();
        Assert.Contains("no etcd membership", refused.Error, StringComparison.Ordinal);
    }
}
