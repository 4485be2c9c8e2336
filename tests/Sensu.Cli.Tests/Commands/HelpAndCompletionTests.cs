using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

public sealed class HelpAndCompletionTests
{
    [Theory]
    [InlineData("create --help", "cat << EOF | sensuctl create")]
    [InlineData("asset add --help", "sensuctl asset add sensu/sensu-pagerduty-handler:1.2.0 -r pagerduty-handler")]
    [InlineData("check list --help", "sensuctl check list --format yaml")]
    [InlineData("dump --help", "sensuctl dump all")]
    public async Task Help_ShowsExamples_OfThatCommandOnly(string commandLine, string example)
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync(commandLine)).AssertSuccess();

        Assert.Contains("Examples:", run.Out);
        Assert.Contains(example, run.Out);
    }

    [Fact]
    public async Task RootHelp_ListsCommands_WithoutExamples()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("--help")).AssertSuccess();

        Assert.Contains("configure", run.Out);
        Assert.Contains("cluster-role-binding", run.Out);
        Assert.DoesNotContain("Examples:", run.Out);
    }

    [Fact]
    public async Task Suggest_CompletesSubcommands_AndCompletionScriptUsesIt()
    {
        using var cli = new CliHarness();

        Assert.Contains("add", (await cli.RunAsync(["[suggest:7]", "asset a"])).AssertSuccess().Out);
        Assert.Contains("[suggest:", (await cli.RunAsync("completion bash")).AssertSuccess().Out);
        (await cli.RunAsync("completion fish")).AssertFailure();
    }
}
