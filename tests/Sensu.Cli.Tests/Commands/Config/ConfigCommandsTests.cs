using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Config;

public sealed class ConfigCommandsTests
{
    [Fact]
    public async Task View_ShowsTheActiveConfiguration_InTabularAndJson()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var table = (await cli.RunAsync("config view")).AssertSuccess().Out;
        var json = JsonNode.Parse((await cli.RunAsync("config view --format json")).AssertSuccess().Out)!;

        Assert.StartsWith("=== Active Configuration", table);
        Assert.Contains("JWT Expiration Timestamp:", table);
        Assert.Equal(backend.BaseAddress.ToString().TrimEnd('/'), json["api-url"]!.GetValue<string>());
        Assert.Equal("default", json["namespace"]!.GetValue<string>());
        Assert.Equal("15s", json["timeout"]!.GetValue<string>());
        Assert.Equal(TestBackend.AdminUser, json["username"]!.GetValue<string>());
        Assert.NotEqual("0", json["jwt_expires_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task View_WithoutConfiguration_Fails()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("config view")).AssertFailure();

        Assert.Contains("no active configuration found", run.Error);
    }

    [Fact]
    public async Task SetFormat_SetNamespace_SetTimeout_AreUsedByLaterCommands()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        Assert.Equal("Updated\n", (await cli.RunAsync("config set-format yaml")).AssertSuccess().Out);
        Assert.Equal("Updated\n", (await cli.RunAsync("config set-namespace ops")).AssertSuccess().Out);
        Assert.Equal("Updated\n", (await cli.RunAsync("config set-timeout 1m30s")).AssertSuccess().Out);

        var yaml = (await cli.RunAsync("config view")).AssertSuccess().Out;
        Assert.Contains("namespace: ops", yaml);
        Assert.Contains("format: yaml", yaml);
        Assert.Contains("timeout: 1m30s", yaml);
        (await cli.RunAsync("config set-format xml")).AssertFailure();
        (await cli.RunAsync("config set-timeout soon")).AssertFailure();
    }
}
