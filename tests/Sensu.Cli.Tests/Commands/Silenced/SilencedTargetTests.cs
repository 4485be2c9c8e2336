using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Silenced;

public sealed class SilencedTargetTests
{
    [Fact]
    public async Task InfoAndDelete_TakeSubscriptionAndCheck_InsteadOfTheName()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("silenced create --subscription linux --check check-cpu --reason test")).AssertSuccess();
        (await cli.RunAsync("silenced create --check check-disk --reason test")).AssertSuccess();

        Assert.Contains("linux:check-cpu", (await cli.RunAsync("silenced info --subscription linux --check check-cpu --format json")).AssertSuccess().Out, StringComparison.Ordinal);
        Assert.Contains("*:check-disk", (await cli.RunAsync("silenced info -c check-disk --format json")).AssertSuccess().Out, StringComparison.Ordinal);
        (await cli.RunAsync("silenced info")).AssertFailure();
        (await cli.RunAsync("silenced info linux:check-cpu --check check-cpu")).AssertFailure();
        (await cli.RunAsync("silenced delete -s linux -c check-cpu --skip-confirm")).AssertSuccess();
        (await cli.RunAsync("silenced info linux:check-cpu")).AssertFailure();
    }
}
