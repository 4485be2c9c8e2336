using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

public sealed class ConfigureCommandTests
{
    [Fact]
    public async Task NonInteractive_LogsIn_AndWritesClusterAndProfile()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        var url = backend.BaseAddress.ToString().TrimEnd('/');

        (await cli.RunAsync($"configure -n --url {url} --username admin --password P@ssw0rd! --namespace ops --format yaml")).AssertSuccess();

        var cluster = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.ConfigDir, "cluster")))!;
        Assert.Equal(url, cluster["api-url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(cluster["access_token"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(cluster["refresh_token"]!.GetValue<string>()));
        Assert.True(cluster["expires_at"]!.GetValue<long>() > 0);
        var profile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.ConfigDir, "profile")))!;
        Assert.Equal("yaml", profile["format"]!.GetValue<string>());
        Assert.Equal("ops", profile["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongPassword_IsOneErrorLine()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();

        var run = (await cli.RunAsync($"configure -n --url {backend.BaseAddress} --username admin --password nope")).AssertFailure();

        Assert.Contains("wrong username or password", run.Error);
        Assert.False(File.Exists(Path.Combine(cli.ConfigDir, "cluster")));
    }

    [Fact]
    public async Task UnreachableBackend_IsOneErrorLine()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("configure -n --url http://127.0.0.1:1 --username admin --password P@ssw0rd!")).AssertFailure();

        Assert.Contains("cannot reach the Sensu backend at http://127.0.0.1:1", run.Error);
    }

    [Fact]
    public async Task Interactive_AsksForMissingValues()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        var answers = $"{backend.BaseAddress.ToString().TrimEnd('/')}\nadmin\nP@ssw0rd!\n\njson\n";
        using var input = new StringReader(answers);
        using var prompts = new StringWriter();
        cli.Prompter = new LinePrompter(input, prompts);

        (await cli.RunAsync("configure")).AssertSuccess();

        Assert.Contains("? Sensu Backend URL", prompts.ToString());
        Assert.Contains("? Password", prompts.ToString());
        var profile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.ConfigDir, "profile")))!;
        Assert.Equal("json", profile["format"]!.GetValue<string>());
        Assert.Equal("default", profile["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactive_WithoutTerminal_Refuses()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("configure")).AssertFailure();

        Assert.Contains("needs a terminal", run.Error);
    }
}
