using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

public sealed class CreateCommandTests
{
    private const string Check = """
        type: CheckConfig
        api_version: core/v2
        metadata: {name: check-cpu}
        spec: {command: "check-cpu -w 75", interval: 60, publish: true, subscriptions: [linux], handlers: [slack]}
        """;

    private const string Handler = """
        type: Handler
        metadata: {name: slack}
        spec: {type: pipe, command: sensu-slack-handler, timeout: 10}
        """;

    /// <summary>Valid wrapper, but the server refuses it (no interval nor cron).</summary>
    private const string BadCheck = """
        type: CheckConfig
        api_version: core/v2
        metadata: {name: broken}
        spec: {command: "true", subscriptions: [linux]}
        """;

    [Fact]
    public async Task MultiDocument_ReportsEachResource()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync("create", $"{Check}\n---\n{Handler}\n")).AssertSuccess();

        Assert.Contains("Created CheckConfig \"check-cpu\" in namespace \"default\"", run.Out);
        Assert.Contains("Created Handler \"slack\" in namespace \"default\"", run.Out);
    }

    [Fact]
    public async Task ServerRefusal_InTheMiddle_KeepsEarlierOnes_AndNamesIndexTypeNameAndMessage()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync("create", $"{Handler}\n---\n{BadCheck}\n---\n{Check}\n")).AssertFailure();

        Assert.Contains("document 1", run.Error);
        Assert.Contains("CheckConfig \"broken\"", run.Error);
        Assert.Contains("interval", run.Error);
        (await cli.RunAsync("handler info slack")).AssertSuccess();
        (await cli.RunAsync("check info check-cpu")).AssertFailure();
    }

    [Fact]
    public async Task MalformedDocument_InTheMiddle_KeepsEarlierOnes_AndNamesIndexAndType()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var bad = "type: CheckConfig\nmetadata: {name: x}\nspec: {interval: \"sixty\", command: foo}\n";

        var run = (await cli.RunAsync("create", $"{Handler}\n---\n{bad}---\n{Check}\n")).AssertFailure();

        Assert.Contains("document 1", run.Error);
        Assert.Contains("CheckConfig", run.Error);
        Assert.Contains("spec.interval", run.Error);
        Assert.Contains("Created Handler \"slack\"", run.Out);
        (await cli.RunAsync("check info check-cpu")).AssertFailure();
    }

    [Fact]
    public async Task NamespacePrecedence_ResourceThenFlagThenProfile()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend, "prof");
        foreach (var ns in new[] { "prof", "flag", "own" })
            (await cli.RunAsync($"namespace create {ns}")).AssertSuccess();

        (await cli.RunAsync("create", "type: Handler\nmetadata: {name: a}\nspec: {type: pipe, command: x}\n")).AssertSuccess();
        (await cli.RunAsync("create --namespace flag", "type: Handler\nmetadata: {name: b}\nspec: {type: pipe, command: x}\n")).AssertSuccess();
        (await cli.RunAsync("create --namespace flag", "type: Handler\nmetadata: {name: c, namespace: own}\nspec: {type: pipe, command: x}\n")).AssertSuccess();

        var all = JsonNode.Parse((await cli.RunAsync("handler list --all-namespaces --format json")).AssertSuccess().Out)!.AsArray();
        var where = all.ToDictionary(h => h!["metadata"]!["name"]!.GetValue<string>(), h => h!["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("prof", where["a"]);
        Assert.Equal("flag", where["b"]);
        Assert.Equal("own", where["c"]);
    }

    [Fact]
    public async Task FromDirectory_Recursive_AndDeleteFile()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var dir = Path.Combine(cli.ConfigDir, "resources");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        await File.WriteAllTextAsync(Path.Combine(dir, "check.yml"), Check);
        await File.WriteAllTextAsync(Path.Combine(dir, "sub", "handler.json"),
            """{"type":"Handler","metadata":{"name":"slack"},"spec":{"type":"pipe","command":"x"}}""");

        (await cli.RunAsync(["create", "-f", dir])).AssertSuccess();
        (await cli.RunAsync("handler info slack")).AssertFailure();
        var run = (await cli.RunAsync(["create", "-f", dir, "-r"])).AssertSuccess();
        Assert.Contains("Created Handler \"slack\"", run.Out);

        (await cli.RunAsync(["delete", "-f", Path.Combine(dir, "check.yml")])).AssertSuccess();
        (await cli.RunAsync("check info check-cpu")).AssertFailure();
    }
}
