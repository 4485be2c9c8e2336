using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.DescribeType;

public sealed class DescribeTypeCommandTests
{
    [Fact]
    public async Task ShortAndQualifiedNames_AsJson()
    {
        using var cli = new CliHarness();

        var list = JsonNode.Parse((await cli.RunAsync("describe-type checks,core/v2.Handler,namespaces --format json")).AssertSuccess().Out)!.AsArray();

        Assert.Equal(["core/v2.CheckConfig", "core/v2.Handler", "core/v2.Namespace"], list.Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal("checks", list[0]!["short_name"]!.GetValue<string>());
        Assert.Equal("CheckConfig", list[0]!["type"]!.GetValue<string>());
        Assert.Equal("core/v2", list[0]!["api_version"]!.GetValue<string>());
        Assert.True(list[0]!["namespaced"]!.GetValue<bool>());
        Assert.False(list[2]!["namespaced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task All_InTabular_AndYaml_AndUnknownFails()
    {
        using var cli = new CliHarness();

        var table = (await cli.RunAsync("describe-type all")).AssertSuccess().Out;
        var yaml = (await cli.RunAsync("describe-type secrets/v1.Secret --format yaml")).AssertSuccess().Out;

        Assert.Contains("Fully Qualified Name", table);
        Assert.Contains("core/v2.ClusterRoleBinding", table);
        Assert.Contains("secrets/v1.Secret", table);
        Assert.Contains("short_name: \"\"", yaml.Replace("short_name: ''", "short_name: \"\"", StringComparison.Ordinal));
        Assert.Contains("invalid resource type: gizmos", (await cli.RunAsync("describe-type gizmos")).AssertFailure().Error);
    }
}
