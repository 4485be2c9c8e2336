using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Check;

public sealed class CheckExecuteInteractiveTests
{
    [Fact]
    public async Task Interactive_asks_check_reason_and_subscriptions_and_uses_the_answers()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("check create c1 --command true --interval 60 --subscriptions linux")).AssertSuccess();

        // Empty answers keep what the command line gave.
        cli.Prompter = new LinePrompter(new StringReader("\nmaintenance over\nentity:web1\n"), TextWriter.Null);
        Assert.Contains("Issued", (await cli.RunAsync("check execute c1 --interactive")).AssertSuccess().Out, StringComparison.Ordinal);

        // The check named in the answer is the one requested: an unknown one is refused by the backend.
        cli.Prompter = new LinePrompter(new StringReader("no-such-check\n\n\n"), TextWriter.Null);
        var refused = (await cli.RunAsync("check execute c1 --interactive")).AssertFailure();
        Assert.Contains("no-such-check", refused.Error, StringComparison.Ordinal);
    }
}
