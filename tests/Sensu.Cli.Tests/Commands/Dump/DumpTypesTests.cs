using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Dump;

public sealed class DumpTypesTests
{
    [Fact]
    public async Task Types_lists_every_type_with_Sensus_deprecation_notice_and_refuses_positional_types()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var listed = (await cli.RunAsync("dump --types")).AssertSuccess();
        Assert.Contains("core/v2.CheckConfig", listed.Out, StringComparison.Ordinal);
        Assert.Contains("secrets/v1.Secret", listed.Out, StringComparison.Ordinal);
        Assert.Contains("describe-type all", listed.Error, StringComparison.Ordinal);

        var both = (await cli.RunAsync("dump checks -t")).AssertFailure();
        Assert.Contains("mutually exclusive", both.Error, StringComparison.Ordinal);
    }
}
