using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Tessen;

public sealed class TessenCommandsTests
{
    [Fact]
    public async Task OptOut_ThenOptIn_AreWhatInfoShows()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        Assert.Contains("\"opt_out\": false", (await cli.RunAsync("tessen info --format json")).AssertSuccess().Out, StringComparison.Ordinal);
        (await cli.RunAsync("tessen opt-out")).AssertFailure();
        (await cli.RunAsync("tessen opt-out --skip-confirm")).AssertSuccess();
        Assert.Contains("Opt-Out: true", (await cli.RunAsync("tessen info")).AssertSuccess().Out, StringComparison.Ordinal);
        Assert.Contains("opting in", (await cli.RunAsync("tessen opt-in")).AssertSuccess().Out, StringComparison.Ordinal);
        Assert.Contains("opt_out: false", (await cli.RunAsync("tessen info --format yaml")).AssertSuccess().Out, StringComparison.Ordinal);
    }
}
