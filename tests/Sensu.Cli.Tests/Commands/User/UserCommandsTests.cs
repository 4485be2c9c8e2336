using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.User;

public sealed class UserCommandsTests
{
    private static async Task<string[]> GroupsAsync(CliHarness cli, string user) =>
        JsonNode.Parse((await cli.RunAsync($"user info {user} --format json")).AssertSuccess().Out)!["groups"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    [Fact]
    public async Task Groups_AddRemoveSetAndRemoveAll()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("user create alice --password Al1ce-password --groups ops")).AssertSuccess();

        Assert.Equal("Added\n", (await cli.RunAsync("user add-group alice dev")).AssertSuccess().Out);
        Assert.Equal(["ops", "dev"], await GroupsAsync(cli, "alice"));
        Assert.Equal("Removed\n", (await cli.RunAsync("user remove-group alice ops")).AssertSuccess().Out);
        Assert.Equal(["dev"], await GroupsAsync(cli, "alice"));
        Assert.Equal("Updated\n", (await cli.RunAsync("user set-groups alice 'a, b,c'")).AssertSuccess().Out);
        Assert.Equal(["a", "b", "c"], await GroupsAsync(cli, "alice"));
        Assert.Equal("Removed\n", (await cli.RunAsync("user remove-groups alice")).AssertSuccess().Out);
        Assert.Empty(await GroupsAsync(cli, "alice"));
        (await cli.RunAsync("user add-group nobody dev")).AssertFailure();
    }

    [Fact]
    public async Task ResetPassword_TestCreds_HashPassword()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("user create bob --password B0b-password")).AssertSuccess();

        (await cli.RunAsync("user test-creds bob --password B0b-password")).AssertSuccess();
        Assert.Contains("Unauthorized", (await cli.RunAsync("user test-creds bob -p wrong-password")).AssertFailure().Error);
        Assert.Equal("Updated\n", (await cli.RunAsync("user reset-password bob --password N3w-password")).AssertSuccess().Out);
        (await cli.RunAsync("user test-creds bob --password N3w-password")).AssertSuccess();
        (await cli.RunAsync("user test-creds bob --password B0b-password")).AssertFailure();
        Assert.Contains("required flag(s) \"password\" not set", (await cli.RunAsync("user reset-password bob")).AssertFailure().Error);

        var hash = (await cli.RunAsync("user hash-password 'P@ssw0rd!'")).AssertSuccess().Out.Trim();
        Assert.StartsWith("$2", hash);
        Assert.True(BCrypt.Net.BCrypt.Verify("P@ssw0rd!", hash));
    }

    [Fact]
    public async Task Create_And_ChangePassword_Interactive()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        cli.Prompter = new LinePrompter(new StringReader("carol\nC4rol-password\nops,dev\n"), TextWriter.Null);

        (await cli.RunAsync("user create --interactive")).AssertSuccess();
        Assert.Equal(["ops", "dev"], await GroupsAsync(cli, "carol"));
        (await cli.RunAsync("user test-creds carol -p C4rol-password")).AssertSuccess();

        cli.Prompter = new LinePrompter(new StringReader("N3w-carol-pass\nN3w-carol-pass\n"), TextWriter.Null);
        Assert.Equal("Updated\n", (await cli.RunAsync("user change-password carol --interactive")).AssertSuccess().Out);
        (await cli.RunAsync("user test-creds carol -p N3w-carol-pass")).AssertSuccess();
        Assert.Equal("Updated\n", (await cli.RunAsync("user change-password carol -p An0ther-pass")).AssertSuccess().Out);
        (await cli.RunAsync("user test-creds carol -p An0ther-pass")).AssertSuccess();
    }
}
