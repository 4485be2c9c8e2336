using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Namespace;

public sealed class NamespaceCreateInteractiveTests
{
    [Fact]
    public async Task Interactive_AsksTheName_AndAPlainCreateWithoutOneFails()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        (await cli.RunAsync("namespace create")).AssertFailure();
        cli.Prompter = new LinePrompter(new StringReader("asked-ns\n"), TextWriter.Null);
        (await cli.RunAsync("namespace create --interactive")).AssertSuccess();
        cli.Prompter = null;
        Assert.Contains("asked-ns", (await cli.RunAsync("namespace list --format json")).AssertSuccess().Out, StringComparison.Ordinal);
    }
}
