using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Role;

public sealed class RbacCreateCommandsTests
{
    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    [Fact]
    public async Task RolesAndBindings_FromFlags_GrantWhatTheySay()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        Assert.Equal("Created\n", (await cli.RunAsync("role create readonly --verb get,list -v create --resource checks -r events --resource-name c1")).AssertSuccess().Out);
        (await cli.RunAsync("cluster-role create ns-reader --verbs get,list --resources namespaces")).AssertSuccess();
        (await cli.RunAsync("cluster-role create old-style --verb get --resource users")).AssertSuccess();
        (await cli.RunAsync("role-binding create ro --role readonly --user alice --group ops,dev")).AssertSuccess();
        (await cli.RunAsync("role-binding create ro2 --cluster-role ns-reader -u bob")).AssertSuccess();
        (await cli.RunAsync("cluster-role-binding create ns --cluster-role ns-reader --group ops")).AssertSuccess();

        var role = JsonNode.Parse((await cli.RunAsync("role info readonly --format json")).Out)!;
        Assert.Equal(["get", "list", "create"], Strings(role["rules"]![0]!["verbs"]));
        Assert.Equal(["checks", "events"], Strings(role["rules"]![0]!["resources"]));
        Assert.Equal(["c1"], Strings(role["rules"]![0]!["resource_names"]));
        Assert.Equal("default", role["metadata"]!["namespace"]!.GetValue<string>());
        var old = JsonNode.Parse((await cli.RunAsync("cluster-role info old-style --format json")).Out)!;
        Assert.Equal(["users"], Strings(old["rules"]![0]!["resources"]));
        var binding = JsonNode.Parse((await cli.RunAsync("role-binding info ro --format json")).Out)!;
        Assert.Equal("Role", binding["role_ref"]!["type"]!.GetValue<string>());
        Assert.Equal("readonly", binding["role_ref"]!["name"]!.GetValue<string>());
        Assert.Equal(["ops", "dev", "alice"], binding["subjects"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal("ClusterRole", JsonNode.Parse((await cli.RunAsync("role-binding info ro2 --format json")).Out)!["role_ref"]!["type"]!.GetValue<string>());
        var clusterBinding = JsonNode.Parse((await cli.RunAsync("cluster-role-binding info ns --format json")).Out)!;
        Assert.Equal("Group", clusterBinding["subjects"]![0]!["type"]!.GetValue<string>());

        // The binding works: alice may read check c1 (the rule's only resource name), not another check nor handlers.
        (await cli.RunAsync("check create c1 --command x --interval 60 --subscriptions linux")).AssertSuccess();
        (await cli.RunAsync("check create c2 --command x --interval 60 --subscriptions linux")).AssertSuccess();
        (await cli.RunAsync("user create alice --password Al1ce-password")).AssertSuccess();
        using var alice = new CliHarness();
        (await alice.RunAsync(["configure", "-n", "--url", backend.BaseAddress.ToString().TrimEnd('/'), "--username", "alice", "--password", "Al1ce-password"])).AssertSuccess();
        (await alice.RunAsync("check info c1")).AssertSuccess();
        Assert.Contains("403", (await alice.RunAsync("check info c2")).AssertFailure().Error);
        (await alice.RunAsync("handler list")).AssertFailure();
    }

    [Theory]
    [InlineData("role create r --resource checks", "at least one verb must be provided")]
    [InlineData("role create r --verb get", "at least one resource must be provided")]
    [InlineData("role create r --verb fly --resource checks", "verb")]
    [InlineData("role-binding create b --user alice", "a role or cluster role must be provided")]
    [InlineData("role-binding create b --role r", "at least one group or user must be provided")]
    [InlineData("cluster-role-binding create b --group ops", "a cluster role must be provided")]
    public async Task MissingParts_Fail(string commandLine, string error)
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        Assert.Contains(error, (await cli.RunAsync(commandLine)).AssertFailure().Error);
    }
}
