using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Silenced;

public sealed class SilencedCommandsTests
{
    [Fact]
    public async Task Create_WithSensusShortFlags_AndBegin()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        Assert.Equal("Created\n", (await cli.RunAsync("silenced create -s linux -c check-cpu -e 3600 -x -r maintenance")).AssertSuccess().Out);
        (await cli.RunAsync(["silenced", "create", "-c", "check-disk", "-b", "Jan 02 2036 3:04PM UTC"])).AssertSuccess();
        (await cli.RunAsync("silenced create -r nothing")).AssertFailure();
        (await cli.RunAsync("silenced create -c x -b yesterday-ish")).AssertFailure();

        var entry = JsonNode.Parse((await cli.RunAsync("silenced info linux:check-cpu --format json")).AssertSuccess().Out)!;
        Assert.True(entry["expire_on_resolve"]!.GetValue<bool>());
        Assert.InRange(entry["expire"]!.GetValue<long>(), 1, 3600);
        Assert.Equal("maintenance", entry["reason"]!.GetValue<string>());
        Assert.Equal(TestBackend.AdminUser, entry["creator"]!.GetValue<string>());
        var future = JsonNode.Parse((await cli.RunAsync("silenced info *:check-disk --format json")).AssertSuccess().Out)!;
        Assert.Equal(new DateTimeOffset(2036, 1, 2, 15, 4, 0, TimeSpan.Zero).ToUnixTimeSeconds(), future["begin"]!.GetValue<long>());
    }

    [Fact]
    public async Task Update_AsksBeginExpiryResolveAndReason()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("silenced create -s linux -r before")).AssertSuccess();
        var questions = new StringWriter();
        cli.Prompter = new LinePrompter(new StringReader("\n600\ntrue\nafter\n"), questions);

        Assert.Equal("Updated\n", (await cli.RunAsync("silenced update linux:*")).AssertSuccess().Out);

        Assert.Contains("? Begin time (now): ", questions.ToString());
        Assert.Contains("? Reason (before): ", questions.ToString());
        var entry = JsonNode.Parse((await cli.RunAsync("silenced info linux:* --format json")).AssertSuccess().Out)!;
        Assert.Equal("after", entry["reason"]!.GetValue<string>());
        Assert.True(entry["expire_on_resolve"]!.GetValue<bool>());
        Assert.InRange(entry["expire"]!.GetValue<long>(), 1, 600);
    }
}
