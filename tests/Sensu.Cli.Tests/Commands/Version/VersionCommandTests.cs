using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Version;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_PrintsOneLine_WithoutConfiguration()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("version")).AssertSuccess();

        Assert.Matches(@"^sensuctl version \d+\.\d+\.\d+\S*, community edition, compatible with Sensu 6\.14\.0\n$", run.Out);
    }
}
